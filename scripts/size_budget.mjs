// The size budget: fails when a first visit to the release build would
// download more than BUDGET bytes brotli-compressed before the first screen.
// Bytes are deterministic, unlike timings, so this can run in the test
// command. Raise the budget only with a reason in the commit message.
// Usage: node scripts/size_budget.mjs [dist]
import { firstLoad, printTable } from './first_load.mjs';

/** Brotli bytes of the first load; 435,506 when this budget was set. */
const BUDGET = 445_000;

const dist = process.argv[2] || 'dist';
const { rows, total } = firstLoad(dist);
printTable(`First load of ${dist}, bytes`, rows, total);
const left = BUDGET - total.brotli;
if (left < 0) {
  console.error(`\nOver the size budget: ${total.brotli} bytes brotli, budget ${BUDGET} (${-left} over).`);
  console.error('Run ./scripts/bench.sh to see what grew (twiggy top 20).');
  process.exit(1);
}
console.log(`\nWithin the size budget: ${total.brotli} of ${BUDGET} bytes brotli (${left} to spare).`);
