/**
 * The CLI bundle's entry (scripts/bundle-cli.mjs → dist/qxml-cli.cjs): what bin/qxml.cjs calls
 * once it has loaded the bundle.
 */
export { main, runCli } from "./main.js";
export { setExternalImporter } from "../external-import.js";
