// The service's public API, as the page uses it: /analyze and /analyze_batch, nothing else.
// Every failure becomes an ApiError whose message is words for a person (the problem's detail).

const KEY_STORAGE = 'sentiment.console.apiKey';

/** The API key, kept in sessionStorage only: it goes when the tab closes. */
export function apiKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE) || '';
  } catch {
    return '';
  }
}

export function setApiKey(key) {
  try {
    if (key) {
      sessionStorage.setItem(KEY_STORAGE, key);
    } else {
      sessionStorage.removeItem(KEY_STORAGE);
    }
  } catch {
    // Storage disabled: the key then lasts as long as the field holds it.
  }
}

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

function headers(extra = {}) {
  const all = { ...extra };
  const key = apiKey();
  if (key) {
    all.Authorization = `Bearer ${key}`;
  }
  return all;
}

const KEY_HINT = 'Enter the API key in the field at the top of the page and try again.';

/** Words for a failed answer: the problem's detail, with a hint where the person can act. */
function problemMessage(status, body) {
  let detail = '';
  try {
    const problem = JSON.parse(body);
    if (problem && typeof problem === 'object') {
      detail = String(problem.detail || problem.title || '');
    }
  } catch {
    // Not a problem document (a proxy's page, say): the status is all there is to tell.
  }
  if (!detail) {
    detail = `The service answered with status ${status}.`;
  }
  if (status === 401) {
    return `This service requires an API key. ${apiKey() ? 'The key entered was not accepted. ' : ''}${KEY_HINT}`;
  }
  return detail;
}

async function failure(response) {
  const body = await response.text().catch(() => '');
  return new ApiError(problemMessage(response.status, body), response.status);
}

async function send(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { ...options, headers: headers(options.headers) });
  } catch {
    throw new ApiError('The service could not be reached. Is it running?', 0);
  }
  if (!response.ok) {
    throw await failure(response);
  }
  return response;
}

/** POST /analyze, asking for sentence detail (ignored by a service that does not offer it). */
export async function analyze(text) {
  const response = await send('analyze?detail=sentences', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ text }),
  });
  return response.json();
}

/**
 * POST /analyze_batch with the file as its multipart 'file' part. XMLHttpRequest, not fetch, as
 * only it reports upload progress; onProgress gets a fraction from 0 to 1.
 */
export function submitFile(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', 'analyze_batch');
    for (const [name, value] of Object.entries(headers({ Accept: 'application/json' }))) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress(event.loaded / event.total);
      }
    });
    xhr.addEventListener('load', () => {
      if (xhr.status === 202 || xhr.status === 200) {
        try {
          resolve(JSON.parse(xhr.responseText));
        } catch {
          reject(new ApiError('The service answered the upload with something unreadable.', xhr.status));
        }
      } else {
        reject(new ApiError(problemMessage(xhr.status, xhr.responseText), xhr.status));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError('The upload failed: the service could not be reached.', 0)));
    xhr.addEventListener('abort', () => reject(new ApiError('The upload was stopped.', 0)));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

const jobPath = (id) => `analyze_batch/${encodeURIComponent(id)}`;

export async function jobStatus(id) {
  return (await send(jobPath(id), { headers: { Accept: 'application/json' } })).json();
}

export async function cancelJob(id) {
  return (await send(jobPath(id), { method: 'DELETE', headers: { Accept: 'application/json' } })).json();
}

function resultsPath(id, offset, limit) {
  const query = new URLSearchParams();
  if (offset) query.set('offset', String(offset));
  if (limit != null) query.set('limit', String(limit));
  const q = query.toString();
  return `${jobPath(id)}/results${q ? `?${q}` : ''}`;
}

/** One page of results as objects {index, id, sentiment, score, error}. */
export async function resultsPage(id, offset, limit) {
  const response = await send(resultsPath(id, offset, limit), { headers: { Accept: 'application/x-ndjson' } });
  return parseNdjson(await response.text());
}

function parseNdjson(text) {
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
}

/**
 * Reads the results from offset on as a stream, handing each to onResult, without keeping them:
 * a job of a million items is counted in constant memory. Resolves to how many were read.
 */
export async function eachResult(id, offset, onResult) {
  const response = await send(resultsPath(id, offset), { headers: { Accept: 'application/x-ndjson' } });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  let count = 0;
  for (;;) {
    const { value, done } = await reader.read();
    pending += decoder.decode(value || new Uint8Array(), { stream: !done });
    const lines = pending.split('\n');
    pending = done ? '' : lines.pop();
    for (const line of lines) {
      if (line.trim() !== '') {
        onResult(JSON.parse(line));
        count += 1;
      }
    }
    if (done) return count;
  }
}

/** Every result in one format, as a Blob for a download: 'csv' or 'ndjson'. */
export async function resultsBlob(id, format) {
  const accept = format === 'csv' ? 'text/csv' : 'application/x-ndjson';
  const response = await send(resultsPath(id), { headers: { Accept: accept } });
  return response.blob();
}
