/*
 * cancel.c — $/cancelRequest. Requests are answered in arrival order, each as soon as its turn
 * comes; one that is still waiting in the queue when its cancellation arrives (the client sent
 * both before the server got to them) is answered -32800 instead of being run.
 */
#include "handlers.h"

#include <string.h>

static bool valid_id(const json_t *id) { return id && (json_is_string(id) || json_is_number(id)); }

void sl__cancel_queued_request(sl_session *s, json_t *params) {
  json_t *id = json_is_object(params) ? json_object_get(params, "id") : NULL;
  if (!valid_id(id)) {
    sl_session_log(s, SL_LOG_WARNING, "$/cancelRequest without a valid id: ignored");
    return;
  }
  for (size_t i = 0; i < s->queue_count; i++) {
    sl_queued_message *q = &s->queue[(s->queue_head + i) % s->queue_cap];
    if (!json_is_object(q->msg) || q->cancelled) continue;
    json_t *qid = json_object_get(q->msg, "id");
    if (valid_id(qid) && json_object_get(q->msg, "method") && json_equal(qid, id)) {
      q->cancelled = true;
      return;
    }
  }
  sl_session_log(s, SL_LOG_DEBUG, "$/cancelRequest for a request that is not pending: ignored");
}
