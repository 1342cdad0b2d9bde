// n8n loads this package through the "n8n" section of package.json (nodes and credentials in dist/).
// This entry point only exists so that `require('n8n-nodes-exact-outsmart')` resolves.
module.exports = {};
