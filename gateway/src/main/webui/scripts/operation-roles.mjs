// Writes which roles may call each operation, as the gathered OpenAPI document declares them (the bearer scheme's
// scopes), so the console shows only what the signed-in user's roles allow. Usage: operation-roles.mjs DOCUMENT OUT
import { readFileSync, writeFileSync } from "node:fs";

const [documentPath, outPath] = process.argv.slice(2);
const document = JSON.parse(readFileSync(documentPath, "utf8"));
const roles = {};
for (const operations of Object.values(document.paths)) {
  for (const operation of Object.values(operations)) {
    if (!operation?.operationId) continue;
    const bearer = (operation.security ?? []).find((requirement) => "bearer" in requirement);
    roles[operation.operationId] = [...(bearer?.bearer ?? [])].sort();
  }
}
const sorted = Object.fromEntries(Object.entries(roles).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(outPath, JSON.stringify(sorted, null, 2) + "\n");
