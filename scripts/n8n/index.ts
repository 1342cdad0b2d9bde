/**
 * A real n8n for `npm start` and the end-to-end tests (one home for both): a real n8n 2.41.1 (Node 24, from the cache that scripts/install-n8n.sh fills) with
 * this package installed the way n8n's community-node installer does it (npm pack, unpack into
 * <userFolder>/.n8n/nodes/node_modules, peer and dev dependencies dropped). Run with `npm run test:e2e`
 * (scripts/e2e.sh: install n8n if needed, then jest --selectProjects e2e --runInBand); build first.
 * N8N_E2E_LINE=1 runs the n8n 1.x line instead (scripts/install-n8n1.sh, the machine's Node 20; `npm run test:n8n1`):
 * the same API, with 1.x's commands and REST calls underneath (update:workflow --active, the owner set up over REST in
 * the template folder, `workflowData` in manual runs, the 'legacy' expression engine; see n8n-env.js, template.ts).
 *
 *   const n8n = await createN8nInstance({ name: 'exact-refresh' });   // copy of the run's template folder
 *   afterAll(() => n8n.dispose());                                     // stops n8n, deletes the folder
 *
 *   await n8n.importCredentials([{ id: 'exactCred000001', name: 'Exact', type: 'exactOnlineOAuth2Api', data }]);
 *   const [id] = await n8n.importWorkflow([{ nodes: [
 *       { name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
 *       { name: 'Exact', type: n8n.nodeType('exactOnlineApiRequest'), parameters, credentials },
 *   ], connections: linearConnections('Start', 'Exact') }]);
 *   const run = await n8n.execute(id);           // `n8n execute`: { status, runData, error, raw, json(node) }
 *   expect(run.json('Exact')).toEqual([...]);
 *   const cred = await n8n.exportCredential('exactCred000001');   // decrypted, e.g. data.oauthTokenData
 *
 *   await n8n.publishWorkflow(pollId);           // while stopped; start() activates it (a poll runs at once)
 *   await n8n.start();                           // until /healthz/readiness; the owner comes from env
 *   const r = await n8n.runManualTrigger(pollId, 'Poll'); // editor's "Fetch test event"; waits; r.json('Poll')
 *   await n8n.testCredential('outsmartCred01');  // the dialog's Test button → { status: 'OK'|'Error', message }
 *   await n8n.listExecutions(pollId);            // public API, newest first, with data
 *   await n8n.stop();                            // SIGTERM, SIGKILL after 20 s
 *   await n8n.kill();                            // SIGKILL at once, no shutdown (a crash); start() again
 *
 * Cost: every CLI call (importCredentials, importWorkflow, execute, exportCredential, publishWorkflow) is a
 * fresh n8n process, ~4–6 s on 2 cores, so pass arrays to the imports. start() takes ~12 s; after it a
 * runManualTrigger() run takes well under a second. CLI calls also work while n8n runs (own broker port).
 * Needs start(): login, rest, api, apiKey, listExecutions, getExecution, waitForExecution, activateWorkflow,
 * deactivateWorkflow, startManualRun, runManualTrigger, testCredential, nodeTypes, credentialTypes.
 * Node types are `<package name>.<nodeName>` (n8n.nodeType()); credential types are unprefixed.
 * n8n only talks to 127.0.0.1: point credentials at simulators listening there.
 * Failures from n8n come with the last 40 lines of its output; logs()/waitForLog() read the `start` output.
 * N8N_E2E_KEEP=1 keeps the folders (each has n8n-start.log).
 */
export { createN8nInstance, linearConnections, N8nInstance } from './instance';
export type {
	CredentialInput,
	CredentialTestResult,
	ExportedCredential,
	ManualRunResult,
	N8nInstanceOptions,
	PublicExecution,
	WorkflowInput,
	WorkflowNodeInput,
} from './instance';
export { parseExecuteOutput } from './execute-output';
export type { ExecuteResult, N8nRun, N8nRunError, NodeRun, RunResult } from './execute-output';
export { assertBuilt, declaredNames, readPackageJson, registeredFiles } from './package';
export { ensureTemplate, OWNER, type TemplateInfo } from './template';
export { freePort, sleep, waitFor, type WaitForOptions } from './util';
