//! Helpers in the same file that return an invoke's result.

use super::*;

#[test]
fn callers_of_a_helper_that_returns_the_response() {
    assert_eq!(
        flagged(
            r#"async function loadFlags() {
  const res = await base44.functions.invoke("get-flags");
  return res;
}
const fetchStats = () => base44.functions.invoke("get-stats");
const viaHelper = async () => { if (!ready) return null; return fetchStats(); };
async function page() {
  const flags = await loadFlags();
  const stats = await fetchStats();
  const again = await viaHelper();
  return [flags.beta, stats.data.total, stats.total, again.count];
}"#
        ),
        ["invoke-result-field flags.beta", "invoke-result-field stats.total", "invoke-result-field again.count"]
    );
}

#[test]
fn helper_passed_as_query_fn() {
    assert_eq!(
        flagged(
            r#"const loadStats = () => base44.functions.invoke("get-stats");
function Stats() {
  const { data } = useQuery({ queryKey: ["s"], queryFn: loadStats });
  return data?.total;
}"#
        ),
        ["invoke-result-field data?.total"]
    );
}

#[test]
fn helpers_that_unwrap_or_return_other_things_are_clean() {
    check_clean(
        r#"async function loadA() {
  const res = await base44.functions.invoke("a");
  return res.data;
}
async function loadB(useCache) {
  if (useCache) return cache.get("b");
  return base44.functions.invoke("b");
}
let loadC = () => base44.functions.invoke("c");
loadC = () => Promise.resolve({ ok: true });
async function page() {
  const [a, b, c] = [await loadA(), await loadB(true), await loadC()];
  return [a.ok, b.ok, c.ok, (await loadB(false)).ok];
}"#,
    );
}
