import Keycloak from "keycloak-js";

/** Who is signed in, and a fresh access token for each call. */
export interface Session {
  username: string;
  tenant: string | undefined;
  roles: ReadonlySet<string>;
  token(): Promise<string>;
  signOut(): void;
}

interface ConsoleSettings {
  realmUrl: string;
  clientId: string;
}

/**
 * Signs in with Keycloak (authorization code with PKCE on the realm's public web client) before anything is shown;
 * where the realm is comes from the gateway, so one build of the console serves every deployment.
 */
export async function signIn(): Promise<Session> {
  const answer = await fetch("/console-settings.json", { headers: { Accept: "application/json" } });
  if (!answer.ok) throw new Error(`The gateway did not say where to sign in (HTTP ${answer.status})`);
  const settings = (await answer.json()) as ConsoleSettings;
  const realmAt = settings.realmUrl.lastIndexOf("/realms/");
  const keycloak = new Keycloak({
    url: settings.realmUrl.slice(0, realmAt),
    realm: settings.realmUrl.slice(realmAt + "/realms/".length),
    clientId: settings.clientId,
  });
  await keycloak.init({ onLoad: "login-required", pkceMethod: "S256", checkLoginIframe: false });
  const claims = keycloak.tokenParsed as { preferred_username?: string; tenant?: string } | undefined;
  return {
    username: claims?.preferred_username ?? "",
    tenant: claims?.tenant,
    roles: new Set(keycloak.realmAccess?.roles ?? []),
    async token() {
      try {
        await keycloak.updateToken(30);
      } catch {
        await keycloak.login();
      }
      return keycloak.token ?? "";
    },
    signOut() {
      void keycloak.logout({ redirectUri: window.location.origin + "/" });
    },
  };
}
