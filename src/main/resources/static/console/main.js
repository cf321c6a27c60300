// The page's wiring: the API key field, "Try a text", "Run a file" and the list of jobs.

import { analyze, apiKey, setApiKey, submitFile } from './api.js';
import { followJob, setUpJobControls } from './batch.js';
import { itemTexts } from './files.js';
import { forgetJob, rememberJob, storedJobs } from './jobs.js';
import { el, percent, probabilityBars, sentences, tint } from './render.js';

const $ = (id) => document.getElementById(id);

function show(id, message) {
  const box = $(id);
  box.textContent = message || '';
  box.hidden = !message;
}

function focusKeyIfNeeded(error) {
  if (error.status === 401) $('api-key').focus();
}

function setUpKey() {
  const field = $('api-key');
  field.value = apiKey();
  field.addEventListener('input', () => setApiKey(field.value.trim()));
  // Enter in the field keeps the key; it must not reload the page.
  $('key-form').addEventListener('submit', (event) => event.preventDefault());
}

function renderAnswer(text, answer) {
  const label = $('try-label');
  label.textContent = answer.sentiment;
  tint(label, answer.sentiment);
  $('try-score').textContent = `${percent(answer.score)} sure`;
  probabilityBars($('try-bars'), answer.probabilities);
  const notes = [];
  if (answer.model) notes.push(`Model ${answer.model}`);
  if (answer.windows > 1) notes.push(`read in ${answer.windows} windows`);
  if (answer.truncated) notes.push('the text was longer than the model reads: only its start was classified');
  $('try-note').textContent = notes.join('; ');
  const list = Array.isArray(answer.sentences) ? answer.sentences : null;
  $('try-sentences-box').hidden = !list || list.length === 0;
  if (list && list.length > 0) sentences($('try-sentences'), text, list);
  $('try-result').hidden = false;
}

function setUpTry() {
  const form = $('try-form');
  const input = $('try-text');
  const button = $('try-button');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value;
    if (text.trim() === '') {
      show('try-error', 'Type a text to analyze first.');
      input.focus();
      return;
    }
    button.disabled = true;
    button.textContent = 'Analyzing…';
    show('try-error', '');
    try {
      renderAnswer(text, await analyze(text));
    } catch (error) {
      $('try-result').hidden = true;
      show('try-error', error.message);
      focusKeyIfNeeded(error);
    } finally {
      button.disabled = false;
      button.textContent = 'Analyze';
    }
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}

function renderJobs() {
  const list = $('jobs-list');
  const jobs = storedJobs();
  $('jobs-empty').hidden = jobs.length > 0;
  list.replaceChildren(
    ...jobs.map((job) => {
      const when = job.created ? new Date(job.created).toLocaleString() : '';
      const open = el('button', { type: 'button', class: 'link' }, `${job.name || job.id}`);
      open.addEventListener('click', () => {
        followJob(job.id, null, null);
        $('job').scrollIntoView({ block: 'start' });
      });
      const forget = el('button', { type: 'button', class: 'quiet', 'aria-label': `Forget ${job.name || job.id}` }, 'Forget');
      forget.addEventListener('click', () => {
        forgetJob(job.id);
        renderJobs();
      });
      const facts = [when, job.total != null ? `${job.total} items` : '', job.status || ''].filter(Boolean).join(' · ');
      return el('li', {}, open, el('span', { class: 'hint' }, facts), forget);
    }),
  );
}

function setUpBatch() {
  const form = $('batch-form');
  const input = $('batch-file');
  const drop = $('drop');
  const button = $('batch-button');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    if (event.dataTransfer && event.dataTransfer.files.length > 0) {
      input.files = event.dataTransfer.files;
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = input.files && input.files[0];
    if (!file) {
      show('batch-error', 'Choose a file first.');
      input.focus();
      return;
    }
    show('batch-error', '');
    button.disabled = true;
    const progress = $('upload-progress');
    const label = $('upload-label');
    progress.value = 0;
    label.textContent = `Uploading ${file.name}`;
    $('upload').hidden = false;
    try {
      const texts = await itemTexts(file).catch(() => null);
      const job = await submitFile(file, (fraction) => {
        progress.value = Math.round(fraction * 100);
        label.textContent = `Uploading ${file.name}: ${Math.round(fraction * 100)}%`;
      });
      progress.value = 100;
      label.textContent = `Uploaded ${file.name}`;
      rememberJob({ id: job.id, name: file.name, created: new Date().toISOString(), total: job.total, status: job.status });
      renderJobs();
      followJob(job.id, texts, job.total);
    } catch (error) {
      $('upload').hidden = true;
      show('batch-error', error.message);
      focusKeyIfNeeded(error);
    } finally {
      button.disabled = false;
    }
  });
}

setUpKey();
setUpTry();
setUpBatch();
setUpJobControls();
renderJobs();
document.addEventListener('jobs-changed', renderJobs);
