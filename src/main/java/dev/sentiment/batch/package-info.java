/**
 * Durable batch jobs: {@code /analyze_batch}.
 *
 * <h2>Submitting</h2>
 *
 * <p>{@code POST /analyze_batch} takes JSON ({@code {"texts": [...]}} or {@code {"items": [{"id",
 * "text"}]}}) or a multipart upload whose part {@code file} is CSV (a header row with a {@code
 * text} column and optionally {@code id}), NDJSON (one {@code {"text", "id"}} object per line) or
 * plain text (one text per line). An upload's format comes from its part's content type, else from
 * its file extension; an untyped, unnamed file is plain text; other types are answered 415. Text is
 * UTF-8. Items stream into the database in committed batches, so memory does not grow with the
 * submission; the job becomes visible only when the last transaction commits, and that is when the
 * 202 ({@code Location: /analyze_batch/{id}}, body {@code {"id", "status", "total"}}) is sent. A
 * submission answered with an error leaves nothing behind.
 *
 * <p>Malformed input: a line or record that cannot be read (invalid UTF-8, an NDJSON line that is
 * not an object with a string {@code text}, a CSV record with an unclosed quote, text after a
 * closing quote or the wrong number of fields) does not fail the upload: it becomes an item whose
 * result carries an {@code error} naming the line ("line 17: the line is not valid JSON"), so one
 * bad line among a million costs one result, not the upload. The same goes, in every format, for a
 * blank text, a text longer than {@code max-text-length}, an id longer than 256 characters and a
 * NUL character. Blank lines of plain text and NDJSON are skipped, not items. What makes the
 * document unusable as a whole is a 400 naming where: malformed JSON (line and column), a JSON type
 * error ({@code items[3].text}), a CSV without a header row with one {@code text} column, or no
 * items at all.
 *
 * <p>{@code Idempotency-Key} (1 to 255 visible ASCII characters): the same key with the same
 * content (SHA-256 of the bytes and format, computed while streaming) returns the same job, 202
 * with {@code Idempotent-Replayed: true}; other content, or a first request still uploading, is
 * 409. Keys are per caller and are freed when their job expires.
 *
 * <h2>Following a job</h2>
 *
 * <p>{@code GET /analyze_batch/{id}}: status (QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED),
 * counters and times. {@code GET /analyze_batch/{id}/results}: one line per item that has a result,
 * in index order, NDJSON unless {@code Accept} prefers {@code text/csv}; available while the job
 * runs. {@code offset} is the first item index to return and {@code limit} the most lines, so
 * paging is stable while chunks finish out of order. A job is visible only to the caller (API key)
 * that submitted it; any other id, or a malformed one, is 404.
 *
 * <p>{@code DELETE /analyze_batch/{id}} cancels: 200 with the job's status. Chunks not started are
 * dropped, running ones store nothing more, results stored so far stay readable until the TTL. A
 * finished job is left as it is (200 with its final status), so cancelling is safe to repeat. A job
 * is FAILED only when one of its chunks failed {@code max-chunk-attempts} times in a row for
 * reasons other than its texts (a text the model fails on is a per-item error); its results so far
 * stay.
 *
 * <h2>Running</h2>
 *
 * <p>Each job is split into chunks of {@code chunk-size} items, each a db-scheduler task that any
 * replica may pick; a chunk computes the items of its range that have no result yet through the
 * engine's bulk lane and stores their results with the job's counters in one transaction, so a
 * crash costs at most the chunks in flight and never duplicates a result. See {@link
 * dev.sentiment.batch.BatchProperties} for every limit and timing.
 */
package dev.sentiment.batch;
