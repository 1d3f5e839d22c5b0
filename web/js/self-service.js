// What a resident does with their own account without an administrator: sign up, confirm
// by SMS, recover or change the password, change the number, sign out everywhere. Cognito's
// own endpoint answers all of it; the API never sees a password or a code.
import { ApiError, accessToken, cognito, param, state, t } from "./core.js";

// The residents' pool's policy (chalicelib/identity.py), said up front and checked before
// Cognito is asked, so the rule is met on the first try.
export const PASSWORD_MIN = 10;
// The number whose sign-up waits for its code (never the password or the code itself).
export const SIGN_UP_PENDING = "mulin.pending-sign-up";
export function passwordMeetsRule(password) {
  return password.length >= PASSWORD_MIN && /[a-z]/.test(password) && /\d/.test(password) && password.trim() === password;
}

// Residents type their number as they say it: spaces, dashes, with or without +86.
export function mainlandPhone(text) {
  const digits = String(text || "").replace(/[\s-]/g, "").replace(/^(\+?86)/, "");
  return /^1[3-9]\d{9}$/.test(digits) ? `+86${digits}` : null;
}

// +86 138 0000 0001: the number a resident just typed, read back in groups they can check.
export function spacedPhone(e164) {
  const digits = e164.replace(/^\+86/, "");
  return `+86 ${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
}

export function fieldProblem(field, message) {
  return new ApiError(400, { code: "validation_failed", message: "", details: [{ field, message, message_zh: message }] });
}

export function isCode(text) { return /^\d{6}$/.test(text.trim()); }

// Only a page inside this site may be the destination after signing in.
export function destination(fallback = "index.html") {
  const next = param("next") || fallback;
  return /^(staff\/)?[a-z-]+\.html(\?[^#]*)?$/.test(next) ? next : fallback;
}

const TOO_MANY = ["LimitExceededException", "TooManyRequestsException", "TooManyFailedAttemptsException"];

// Cognito's refusals, said at the field they concern. `fields` names the form's fields for
// this step: { phone, code, password }; an error about a field the step lacks goes to `fallback`.
export function explain(error, fields, fallback) {
  if (!(error instanceof ApiError) || error.status >= 500) return error;
  const at = (name, key) => fieldProblem(fields[name] || fallback, t(key));
  switch (error.code) {
    case "UsernameExistsException": return at("phone", "auth.phone_taken");
    case "AliasExistsException": return at("phone", "auth.phone_in_use");
    case "UserNotFoundException": return at("phone", "auth.user_not_found");
    case "CodeMismatchException": return at("code", "auth.wrong_code");
    case "ExpiredCodeException": return at("code", "auth.expired_code");
    case "InvalidPasswordException": return at("password", "auth.weak_password");
    case "InvalidParameterException": return fields.password ? at("password", "auth.weak_password") : at("phone", "sign-in.bad_phone");
    case "CodeDeliveryFailureException": return at("phone", "auth.delivery_failed");
    case "NotAuthorizedException": return fields.current ? at("current", "auth.wrong_current") : at("code", "auth.not_authorized");
    default:
      if (TOO_MANY.includes(error.code)) return at(fields.code ? "code" : "phone", "auth.too_many");
      return fieldProblem(fallback, t("error.unexpected"));
  }
}

const residentsClient = () => state.config.user_pool_client_id;

export function signUp(phone, password) {
  return cognito("SignUp", { ClientId: residentsClient(), Username: phone, Password: password,
    UserAttributes: [{ Name: "phone_number", Value: phone }] });
}
export function confirmSignUp(phone, code) {
  return cognito("ConfirmSignUp", { ClientId: residentsClient(), Username: phone, ConfirmationCode: code.trim() });
}
export function resendSignUpCode(phone) {
  return cognito("ResendConfirmationCode", { ClientId: residentsClient(), Username: phone });
}
export function forgotPassword(phone) {
  return cognito("ForgotPassword", { ClientId: residentsClient(), Username: phone });
}
export function confirmForgotPassword(phone, code, password) {
  return cognito("ConfirmForgotPassword", { ClientId: residentsClient(), Username: phone, ConfirmationCode: code.trim(), Password: password });
}

async function withAccess(target, body) {
  const token = await accessToken();
  if (!token) throw new ApiError(401, { code: "NotAuthorizedException" });
  return cognito(target, { AccessToken: token, ...body });
}
export const changePassword = (previous, proposed) => withAccess("ChangePassword", { PreviousPassword: previous, ProposedPassword: proposed });
// The pool keeps the old number until the code sent to the new one comes back
// (AttributesRequireVerificationBeforeUpdate), so a typo cannot lock anyone out.
export const requestPhoneChange = (phone) => withAccess("UpdateUserAttributes", { UserAttributes: [{ Name: "phone_number", Value: phone }] });
export const resendPhoneCode = () => withAccess("GetUserAttributeVerificationCode", { AttributeName: "phone_number" });
export const confirmPhoneChange = (code) => withAccess("VerifyUserAttribute", { AttributeName: "phone_number", Code: code.trim() });
export const signOutEverywhere = () => withAccess("GlobalSignOut", {});
