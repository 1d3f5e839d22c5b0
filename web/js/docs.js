// The API reference at /docs: Swagger UI rendering the contract the API itself serves, so
// the page can never describe another version than the one deployed beside it.

const problem = document.getElementById("load-problem");

async function apiBase() {
  const response = await fetch("config.json", { cache: "no-cache" });
  if (!response.ok) throw new Error(`config.json: ${response.status}`);
  return (await response.json()).api_base ?? "";
}

async function show() {
  const base = await apiBase();
  // A module runs after every deferred classic script, so the bundle has defined its global.
  window.SwaggerUIBundle({
    url: `${base}/openapi.json`,
    dom_id: "#reference",
    deepLinking: true,
    // The default validator badge would send the document to a public service.
    validatorUrl: null,
    // A reader asks for "Try it out" per operation: the reference is for reading first.
    tryItOutEnabled: false,
    onComplete: () => document.body.setAttribute("data-reference-ready", ""),
  });
}

show().catch((error) => {
  problem.hidden = false;
  console.warn("API reference:", error);
});
