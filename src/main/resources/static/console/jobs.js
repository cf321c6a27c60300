// Jobs started from this browser, in localStorage, so a person can come back to one later. Only
// ids, file names and times are kept: results stay on the service.

const STORAGE = 'sentiment.console.jobs';
const MAX = 20;

export function storedJobs() {
  try {
    const list = JSON.parse(localStorage.getItem(STORAGE) || '[]');
    return Array.isArray(list) ? list.filter((job) => job && typeof job.id === 'string') : [];
  } catch {
    return [];
  }
}

function save(list) {
  try {
    localStorage.setItem(STORAGE, JSON.stringify(list.slice(0, MAX)));
  } catch {
    // Storage full or disabled: the list is a convenience, the job runs on regardless.
  }
}

export function rememberJob(job) {
  save([job, ...storedJobs().filter((j) => j.id !== job.id)]);
}

export function updateJob(id, changes) {
  save(storedJobs().map((j) => (j.id === id ? { ...j, ...changes } : j)));
}

export function forgetJob(id) {
  save(storedJobs().filter((j) => j.id !== id));
}
