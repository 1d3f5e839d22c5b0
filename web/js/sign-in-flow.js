// Cognito's sign-in, including the steps an official's account adds: a new password at the
// first sign-in, setting up an authenticator app, and its code at every sign-in.
import { ApiError, cognito, saveSession, state } from "./core.js";

export const SUPPORTED_CHALLENGES = ["NEW_PASSWORD_REQUIRED", "MFA_SETUP", "SOFTWARE_TOKEN_MFA"];

// Signed in: the refresh token goes to the API's HttpOnly cookie before anything else happens,
// and the page keeps only the ID and access tokens (core.js).
async function outcome(result, client, username) {
  if (result.AuthenticationResult) {
    await saveSession(result.AuthenticationResult, client);
    return { done: true };
  }
  if (!SUPPORTED_CHALLENGES.includes(result.ChallengeName)) {
    throw new ApiError(400, { code: result.ChallengeName || "challenge", message: "" });
  }
  const named = result.ChallengeParameters?.USER_ID_FOR_SRP || username;
  return { done: false, challenge: result.ChallengeName, session: result.Session, client, username: named };
}

export async function signIn(phone, password, { staff = false } = {}) {
  const client = staff ? state.config.officials_user_pool_client_id : state.config.user_pool_client_id;
  const result = await cognito("InitiateAuth", {
    AuthFlow: "USER_PASSWORD_AUTH", ClientId: client, AuthParameters: { USERNAME: phone, PASSWORD: password },
  });
  return outcome(result, client, phone);
}

// The secret to type or scan into an authenticator app; the challenge continues with its code.
export async function authenticatorSecret(pending) {
  const associated = await cognito("AssociateSoftwareToken", { Session: pending.session });
  pending.session = associated.Session;
  return associated.SecretCode;
}

export async function answerChallenge(pending, { code, newPassword }) {
  const responses = { USERNAME: pending.username };
  let session = pending.session;
  if (pending.challenge === "NEW_PASSWORD_REQUIRED") responses.NEW_PASSWORD = newPassword;
  if (pending.challenge === "SOFTWARE_TOKEN_MFA") responses.SOFTWARE_TOKEN_MFA_CODE = code;
  if (pending.challenge === "MFA_SETUP") {
    session = (await cognito("VerifySoftwareToken", { Session: session, UserCode: code, FriendlyDeviceName: "Mulin" })).Session;
  }
  const result = await cognito("RespondToAuthChallenge", {
    ChallengeName: pending.challenge, ClientId: pending.client, Session: session, ChallengeResponses: responses,
  });
  return outcome(result, pending.client, pending.username);
}
