// Progress as orchestrations report it in their custom status: a load's {done, total}, a task's
// {partitions_done, partitions_total, message}.

/** {done, total, message} from a custom status, or null when it reports no progress. */
export function progressOf(customStatus) {
  if (!customStatus || typeof customStatus !== 'object') return null;
  const done = customStatus.partitions_done ?? customStatus.done;
  const total = customStatus.partitions_total ?? customStatus.total;
  if (typeof done !== 'number' || typeof total !== 'number') return null;
  return { done, total, message: customStatus.message ?? '' };
}

/** "3 / 8" with a <progress> bar, or text for a status without numbers. */
export function progressCell(h, customStatus) {
  const progress = progressOf(customStatus);
  if (!progress) return typeof customStatus === 'string' ? customStatus : '';
  return h('span', { className: 'progress' },
    h('progress', { max: Math.max(progress.total, 1), value: progress.done, 'aria-label': `${progress.done} of ${progress.total}` }),
    ` ${progress.done} / ${progress.total}`);
}
