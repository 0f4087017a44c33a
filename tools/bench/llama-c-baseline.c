// Baseline for `taleforge bench inference`: the decode-and-sample loop written directly against llama.h, the
// ceiling any binding can reach on the same libraries. Compiled by the benchmark with gcc.
// Usage: llama-c-baseline LIBDIR MODEL PROMPT_FILE THREADS CONTEXT BATCH SEQUENCES TOKENS RUNS SEED TEMP TOP_K TOP_P MIN_P
// Prints one JSON object: {"loadMilliseconds":[...],"tokensPerSecond":[...],"promptTokens":N,
//   "step1Milliseconds":[...],"step4Milliseconds":[...]}
// The step times are the ceiling of batching on these libraries: one decode step of one token, and one of four tokens
// (four sequences, a KV stream each, as TaleForge's scheduler decodes them), after the same prompt.
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "llama.h"

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
}

static void quiet(enum ggml_log_level level, const char * text, void * data) {
    (void) data;
    if (level == GGML_LOG_LEVEL_ERROR) fputs(text, stderr);
}

static char * read_file(const char * path) {
    FILE * f = fopen(path, "rb");
    if (!f) { fprintf(stderr, "cannot open %s\n", path); exit(2); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char * text = malloc(n + 1);
    if (fread(text, 1, n, f) != (size_t) n) { fprintf(stderr, "cannot read %s\n", path); exit(2); }
    text[n] = 0;
    fclose(f);
    return text;
}

// The prompt as sequence 0's first tokens; logits only for the last one, when asked.
static void put_prompt(llama_batch * batch, const llama_token * tokens, int n_prompt, int last_logits) {
    for (int i = 0; i < n_prompt; i++) {
        batch->token[i] = tokens[i];
        batch->pos[i] = i;
        batch->n_seq_id[i] = 1;
        batch->seq_id[i][0] = 0;
        batch->logits[i] = last_logits && i == n_prompt - 1;
    }
    batch->n_tokens = n_prompt;
}

int main(int argc, char ** argv) {
    if (argc != 15) { fprintf(stderr, "expected 14 arguments, got %d\n", argc - 1); return 2; }
    const char * libdir = argv[1], * model_path = argv[2];
    char * prompt = read_file(argv[3]);
    int threads = atoi(argv[4]), n_ctx = atoi(argv[5]), n_batch = atoi(argv[6]), n_seq = atoi(argv[7]);
    int n_gen = atoi(argv[8]), runs = atoi(argv[9]);
    unsigned seed = (unsigned) strtoul(argv[10], NULL, 10);
    float temp = atof(argv[11]), top_p = atof(argv[13]), min_p = atof(argv[14]);
    int top_k = atoi(argv[12]);

    llama_log_set(quiet, NULL);
    ggml_backend_load_all_from_path(libdir);
    llama_backend_init();

    struct llama_model_params mp = llama_model_default_params();
    mp.n_gpu_layers = 0;
    printf("{\"loadMilliseconds\":[");
    for (int i = 0; i <= runs; i++) {
        double t0 = now_ms();
        struct llama_model * m = llama_model_load_from_file(model_path, mp);
        double ms = now_ms() - t0;
        if (!m) { fprintf(stderr, "load failed\n"); return 1; }
        if (i > 0) printf("%s%.3f", i > 1 ? "," : "", ms);
        llama_model_free(m);
    }
    struct llama_model * model = llama_model_load_from_file(model_path, mp);
    const struct llama_vocab * vocab = llama_model_get_vocab(model);
    int n_vocab = llama_vocab_n_tokens(vocab);

    struct llama_context_params cp = llama_context_default_params();
    cp.n_ctx = n_ctx;
    cp.n_batch = n_batch;
    cp.n_ubatch = n_batch;
    cp.n_seq_max = n_seq;
    cp.n_threads = threads;
    cp.n_threads_batch = threads;
    cp.kv_unified = true;
    cp.flash_attn_type = LLAMA_FLASH_ATTN_TYPE_DISABLED;
    cp.no_perf = true;
    struct llama_context * ctx = llama_init_from_model(model, cp);
    if (!ctx) { fprintf(stderr, "context failed\n"); return 1; }

    int n_prompt = -llama_tokenize(vocab, prompt, strlen(prompt), NULL, 0, false, true);
    llama_token * tokens = malloc(sizeof(llama_token) * n_prompt);
    llama_tokenize(vocab, prompt, strlen(prompt), tokens, n_prompt, false, true);

    llama_logit_bias * biases = malloc(sizeof(llama_logit_bias) * n_vocab);
    int n_bias = 0;
    for (int t = 0; t < n_vocab; t++) {
        if (llama_vocab_is_eog(vocab, t)) { biases[n_bias].token = t; biases[n_bias].bias = -INFINITY; n_bias++; }
    }

    llama_batch batch = llama_batch_init(n_batch, 0, 1);
    printf("],\"tokensPerSecond\":[");
    for (int run = 0; run <= runs; run++) {
        llama_memory_clear(llama_get_memory(ctx), true);
        struct llama_sampler_chain_params sp = llama_sampler_chain_default_params();
        struct llama_sampler * chain = llama_sampler_chain_init(sp);
        llama_sampler_chain_add(chain, llama_sampler_init_logit_bias(n_vocab, n_bias, biases));
        llama_sampler_chain_add(chain, llama_sampler_init_top_k(top_k));
        llama_sampler_chain_add(chain, llama_sampler_init_top_p(top_p, 1));
        llama_sampler_chain_add(chain, llama_sampler_init_min_p(min_p, 1));
        llama_sampler_chain_add(chain, llama_sampler_init_temp(temp));
        llama_sampler_chain_add(chain, llama_sampler_init_dist(seed));

        put_prompt(&batch, tokens, n_prompt, 1);
        if (llama_decode(ctx, batch) != 0) { fprintf(stderr, "prompt decode failed\n"); return 1; }
        llama_token token = llama_sampler_sample(chain, ctx, -1);
        double first = now_ms();
        for (int i = 1; i < n_gen; i++) {
            batch.token[0] = token;
            batch.pos[0] = n_prompt + i - 1;
            batch.n_seq_id[0] = 1;
            batch.seq_id[0][0] = 0;
            batch.logits[0] = 1;
            batch.n_tokens = 1;
            if (llama_decode(ctx, batch) != 0) { fprintf(stderr, "decode failed\n"); return 1; }
            token = llama_sampler_sample(chain, ctx, -1);
        }
        double ms = now_ms() - first;
        if (run > 0) printf("%s%.3f", run > 1 ? "," : "", (n_gen - 1) * 1000.0 / ms);
        llama_sampler_free(chain);
    }
    printf("],\"promptTokens\":%d", n_prompt);
    llama_batch_free(batch);
    llama_free(ctx);

    // Four sequences, a KV stream each: the prompt is decoded once and its stream copied to the others.
    cp.n_seq_max = 4;
    cp.kv_unified = false;
    cp.n_ctx = 4 * (n_ctx > n_prompt + n_gen + 1 ? n_ctx : n_prompt + n_gen + 1);
    ctx = llama_init_from_model(model, cp);
    if (!ctx) { fprintf(stderr, "context of four streams failed\n"); return 1; }
    batch = llama_batch_init(n_batch > 4 ? n_batch : 4, 0, 1);
    for (int width = 1; width <= 4; width += 3) {
        printf(",\"step%dMilliseconds\":[", width);
        for (int run = 0; run <= runs; run++) {
            llama_memory_t memory = llama_get_memory(ctx);
            llama_memory_clear(memory, true);
            put_prompt(&batch, tokens, n_prompt, 0);
            if (llama_decode(ctx, batch) != 0) { fprintf(stderr, "prompt decode failed\n"); return 1; }
            for (int s = 1; s < width; s++) llama_memory_seq_cp(memory, 0, s, -1, -1);
            double start = now_ms();
            for (int i = 0; i < n_gen; i++) {
                batch.n_tokens = width;
                for (int s = 0; s < width; s++) {
                    batch.token[s] = tokens[(i + s) % n_prompt];
                    batch.pos[s] = n_prompt + i;
                    batch.n_seq_id[s] = 1;
                    batch.seq_id[s][0] = s;
                    batch.logits[s] = 1;
                }
                if (llama_decode(ctx, batch) != 0) { fprintf(stderr, "step decode failed\n"); return 1; }
            }
            double ms = (now_ms() - start) / n_gen;
            if (run > 0) printf("%s%.4f", run > 1 ? "," : "", ms);
        }
        printf("]");
    }
    printf("}\n");
    llama_batch_free(batch);
    llama_free(ctx);
    llama_model_free(model);
    free(biases);
    free(tokens);
    free(prompt);
    return 0;
}
