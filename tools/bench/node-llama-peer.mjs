// Peer measurement for `taleforge bench inference`: node-llama-cpp on the same model file and the same prebuilt
// llama.cpp libraries (the @node-llama-cpp/linux-x64 tarball TaleForge itself installs).
// Usage: node node-llama-peer.mjs '<json config>'   -> prints one JSON object on stdout.
// Config: model, threads, contextSize, batchSize, prompt, tokens, runs, loadRuns, seed, temperature, topK, topP, minP.
import { getLlama, LlamaLogLevel, TokenBias } from "node-llama-cpp";

const config = JSON.parse(process.argv[2]);
const llama = await getLlama({
  gpu: false,
  build: "never",
  usePrebuiltBinaries: true,
  skipDownload: true,
  progressLogs: false,
  logLevel: LlamaLogLevel.error,
});

// Load time: one warm-up load, then the median of several (the file is in the page cache for both sides).
const loadMilliseconds = [];
for (let i = 0; i <= config.loadRuns; i++) {
  const started = performance.now();
  const model = await llama.loadModel({ modelPath: config.model, gpuLayers: 0 });
  const elapsed = performance.now() - started;
  if (i > 0) loadMilliseconds.push(elapsed);
  await model.dispose();
}

const model = await llama.loadModel({ modelPath: config.model, gpuLayers: 0 });
const context = await model.createContext({
  contextSize: config.contextSize,
  batchSize: config.batchSize,
  threads: config.threads,
  sequences: 1,
  flashAttention: false,
});
const sequence = context.getSequence();
const bias = new TokenBias(model.tokenizer);
const promptTokens = model.tokenize(config.prompt, true);
for (const token of endOfGenerationTokens(model)) bias.set(token, "never");

// Tokens per second of generation only: the clock starts when the first token has been sampled.
const tokensPerSecond = [];
for (let run = 0; run <= config.runs; run++) {
  await sequence.clearHistory();
  let count = 0;
  let firstAt = 0;
  const iterator = sequence.evaluate(promptTokens, {
    temperature: config.temperature,
    topK: config.topK,
    topP: config.topP,
    minP: config.minP,
    seed: config.seed,
    tokenBias: bias,
  });
  for await (const token of iterator) {
    count++;
    if (count === 1) firstAt = performance.now();
    if (count >= config.tokens) break;
  }
  const elapsed = performance.now() - firstAt;
  if (run > 0) tokensPerSecond.push(((count - 1) * 1000) / elapsed);
}

console.log(JSON.stringify({ loadMilliseconds, tokensPerSecond, promptTokens: promptTokens.length }));
await context.dispose();
await model.dispose();
await llama.dispose();

function endOfGenerationTokens(model) {
  const tokens = new Set();
  for (const token of [model.tokens.eos, model.tokens.eot, model.tokens.bos]) {
    if (token != null && model.isEogToken(token)) tokens.add(token);
  }
  return [...tokens];
}
