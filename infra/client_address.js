// CloudFront viewer request on the API's behaviour (infra/site.py). The API limits paper-code
// ballots per sender and the regional web ACL counts requests per sender, but behind
// CloudFront the API only sees an edge's address, shared by everyone that edge serves. This
// writes the address CloudFront saw the connection come from into the header the API and the
// web ACL read (chalicelib/web/requests.py CLIENT_ADDRESS_HEADER), over whatever the client
// sent under that name, one value or several. It also names the site's own host for the
// session routes' same-origin check (chalicelib/session/rules.py): API Gateway receives its
// own host name, and browsers without Sec-Fetch-Site are judged by Origin against it.
function handler(event) {
    var request = event.request;
    request.headers['x-mulin-client-ip'] = { value: event.viewer.ip };
    request.headers['x-forwarded-host'] = { value: request.headers.host.value };
    return request;
}
