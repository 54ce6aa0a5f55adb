// The web console is typed against a client generated from the gathered document and committed with it
// (gateway/src/main/webui/src/api): it must be what the document generates today, or a change to the API could
// break the console without the build noticing.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const webui = "../../main/webui";
execFileSync("node", [`${webui}/scripts/operation-roles.mjs`, "../../../target/openapi.json", "target/operation-roles.json"]);
const stale = [
  ["target/backlight-api.d.ts", `${webui}/src/api/backlight-api.d.ts`],
  ["target/operation-roles.json", `${webui}/src/api/operation-roles.json`],
].filter(([generated, committed]) => readFileSync(generated, "utf8") !== readFileSync(committed, "utf8"));
if (stale.length > 0) {
  console.error(`The console's API client is stale: ${stale.map(([, committed]) => committed).join(", ")}.`);
  console.error("Run `npm run generate-client` in gateway/src/main/webui after the gateway's tests wrote target/openapi.json.");
  process.exit(1);
}
console.log("The console's API client matches the gathered document.");
