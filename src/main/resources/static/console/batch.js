// Following one batch job: its progress until it ends, a live label distribution, then a page of
// results at a time and downloads of them all.

import { cancelJob, eachResult, jobStatus, resultsBlob, resultsPage } from './api.js';
import { ERROR_LABEL, distributionChart, duration, resultsTable } from './render.js';
import { updateJob } from './jobs.js';

/** Tells the list of jobs that one's status changed. */
function jobChanged(id, changes) {
  updateJob(id, changes);
  document.dispatchEvent(new CustomEvent('jobs-changed'));
}

const POLL_MS = 1000;
const PAGE_SIZE = 25;
const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

const $ = (id) => document.getElementById(id);

let current = null;

function showError(message) {
  const box = $('job-error');
  box.textContent = message || '';
  box.hidden = !message;
}

function stats(job) {
  const now = Date.now();
  const started = job.started_at ? Date.parse(job.started_at) : null;
  const end = job.finished_at ? Date.parse(job.finished_at) : now;
  const parts = [`${job.processed} / ${job.total} processed`, `${job.failed} failed`];
  if (started != null) {
    const ms = Math.max(0, end - started);
    parts.push(`elapsed ${duration(ms)}`);
    if (ms > 0) parts.push(`${(job.processed / (ms / 1000)).toFixed(1)} items/s`);
  } else if (job.created_at) {
    parts.push(`waiting ${duration(Math.max(0, end - Date.parse(job.created_at)))}`);
  }
  return parts.join(' · ');
}

function renderStatus(job) {
  const words = {
    QUEUED: 'Queued',
    RUNNING: 'Running',
    SUCCEEDED: 'Finished',
    FAILED: 'Failed',
    CANCELLED: 'Cancelled',
  };
  $('job-status').textContent = `${words[job.status] || job.status}: ${job.processed} of ${job.total} processed`;
  const progress = $('job-progress');
  progress.max = Math.max(1, job.total);
  progress.value = job.processed;
  $('job-stats').textContent = stats(job);
  $('job-cancel').disabled = FINISHED.has(job.status);
}

function renderChart(state) {
  $('job-chart-box').hidden = state.counted === 0;
  distributionChart($('job-chart'), state.counts, state.counted);
}

async function showPage(state, page) {
  const offset = page * PAGE_SIZE;
  const rows = await resultsPage(state.id, offset, PAGE_SIZE);
  if (current !== state) return;
  state.page = page;
  resultsTable($('job-table'), rows, state.texts);
  const last = Math.min(state.counted, offset + rows.length);
  $('page-info').textContent = state.counted === 0 ? 'No results' : `Rows ${offset + 1}–${last} of ${state.counted}`;
  $('page-prev').disabled = page === 0;
  $('page-next').disabled = offset + PAGE_SIZE >= state.counted;
  $('job-table-box').hidden = false;
}

async function finish(state) {
  $('job-csv').disabled = false;
  $('job-ndjson').disabled = false;
  await showPage(state, 0);
}

async function poll(state) {
  if (current !== state) return;
  try {
    const job = await jobStatus(state.id);
    if (current !== state) return;
    renderStatus(job);
    showError('');
    if (job.processed > state.counted || FINISHED.has(job.status)) {
      // The listing of a running job stops before its first item without a result, so counting
      // on from the last count never skips one; a finished job lists them all.
      state.counted += await eachResult(state.id, state.counted, (r) => {
        const label = r.error != null ? ERROR_LABEL : String(r.sentiment);
        state.counts.set(label, (state.counts.get(label) || 0) + 1);
      });
      if (current !== state) return;
      renderChart(state);
    }
    if (FINISHED.has(job.status)) {
      jobChanged(state.id, { status: job.status });
      await finish(state);
      return;
    }
    state.timer = setTimeout(() => poll(state), POLL_MS);
  } catch (error) {
    if (current !== state) return;
    if (error.status === 404) {
      showError('This job is not known to the service (finished jobs are deleted after a while, and a job is visible only with the key that started it).');
      jobChanged(state.id, { status: 'not found' });
      return;
    }
    showError(error.message);
    if (error.status !== 401) {
      state.timer = setTimeout(() => poll(state), POLL_MS * 3);
    }
  }
}

/** Shows a job and follows it until it ends; texts are the file's, by item index, if known. */
export function followJob(id, texts = null, total = null) {
  if (current) clearTimeout(current.timer);
  const usable = texts && (total == null || texts.length === total) ? texts : null;
  current = { id, texts: usable, counts: new Map(), counted: 0, page: 0, timer: null };
  $('job').hidden = false;
  $('job-id').textContent = id;
  $('job-status').textContent = 'Loading…';
  $('job-stats').textContent = '';
  $('job-progress').value = 0;
  $('job-csv').disabled = true;
  $('job-ndjson').disabled = true;
  $('job-cancel').disabled = true;
  $('job-chart-box').hidden = true;
  $('job-table-box').hidden = true;
  showError('');
  poll(current);
}

async function download(format, button) {
  const state = current;
  if (!state) return;
  const label = button.textContent;
  button.disabled = true;
  button.textContent = 'Preparing…';
  try {
    const blob = await resultsBlob(state.id, format);
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `results-${state.id}.${format}`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    showError(error.message);
  } finally {
    button.textContent = label;
    button.disabled = false;
  }
}

export function setUpJobControls() {
  $('job-cancel').addEventListener('click', async () => {
    const state = current;
    if (!state) return;
    $('job-cancel').disabled = true;
    try {
      renderStatus(await cancelJob(state.id));
    } catch (error) {
      showError(error.message);
      $('job-cancel').disabled = false;
    }
  });
  $('job-csv').addEventListener('click', (e) => download('csv', e.currentTarget));
  $('job-ndjson').addEventListener('click', (e) => download('ndjson', e.currentTarget));
  const page = (delta) => {
    if (current) showPage(current, current.page + delta).catch((error) => showError(error.message));
  };
  $('page-prev').addEventListener('click', () => page(-1));
  $('page-next').addEventListener('click', () => page(1));
}
