/*
 * check_pool.c — running the jobs of a run on libuv's thread pool (see check_job.h).
 *
 * The main thread queues every job with uv_queue_work and runs a private loop until all have
 * called back; each job writes only its own results, so the output, produced afterwards in path
 * order, does not depend on which thread ran what. libuv sizes its pool once, from
 * UV_THREADPOOL_SIZE, at the first uv_queue_work of the process: it is set just before.
 */
#include <stdio.h>
#include <stdlib.h>
#include <uv.h>

#include "check_job.h"
#include "xalloc.h"

/* libuv's own ceiling on the pool (MAX_THREADPOOL_SIZE in src/threadpool.c). */
#define SL_UV_MAX_THREADS 1024

typedef struct work {
  uv_work_t req;
  size_t i;
  void (*fn)(size_t i, void *ctx);
  void *ctx;
} work;

static void work_run(uv_work_t *req) {
  work *w = req->data;
  w->fn(w->i, w->ctx);
}

static void work_done(uv_work_t *req, int status) {
  (void)req;
  (void)status;  // UV_ECANCELED is impossible: nothing cancels
}

unsigned sl__jobs_default(void) {
  unsigned n = uv_available_parallelism();
  return n ? n : 1;
}

void sl__pool_for(size_t n, void (*fn)(size_t i, void *ctx), void *ctx, unsigned threads) {
  if (threads <= 1 || n <= 1) {
    for (size_t i = 0; i < n; i++) fn(i, ctx);
    return;
  }
  if (threads > SL_UV_MAX_THREADS) threads = SL_UV_MAX_THREADS;
  char size[16];
  snprintf(size, sizeof size, "%u", threads);
  setenv("UV_THREADPOOL_SIZE", size, 1);
  uv_loop_t loop;
  if (uv_loop_init(&loop) != 0) {
    for (size_t i = 0; i < n; i++) fn(i, ctx);
    return;
  }
  work *works = xcalloc(n, sizeof *works);
  size_t queued = 0;
  for (size_t i = 0; i < n; i++) {
    works[i] = (work){.i = i, .fn = fn, .ctx = ctx};
    works[i].req.data = &works[i];
    if (uv_queue_work(&loop, &works[i].req, work_run, work_done) != 0) {
      fn(i, ctx);  // cannot happen with valid arguments; stay correct anyway
      continue;
    }
    queued++;
  }
  if (queued) uv_run(&loop, UV_RUN_DEFAULT);
  uv_loop_close(&loop);
  free(works);
}

typedef struct jobs_ctx {
  sl_job *jobs;
  const sl_job_settings *settings;
} jobs_ctx;

static void job_at(size_t i, void *ctx) {
  jobs_ctx *c = ctx;
  sl__job_run(&c->jobs[i], c->settings);
}

void sl__jobs_run(sl_job *jobs, size_t n, const sl_job_settings *settings, unsigned threads) {
  jobs_ctx c = {jobs, settings};
  sl__pool_for(n, job_at, &c, threads);
}
