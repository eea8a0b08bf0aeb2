//! Responses inside containers: `Promise.all`, `Promise.allSettled` and react-query.

use super::*;

#[test]
fn promise_all_destructured() {
    assert_eq!(
        flagged(
            r#"async () => {
  const [stats, users] = await Promise.all([
    base44.functions.invoke("stats"),
    base44.entities.User.list(),
  ]);
  return [stats.total, users.length, stats.data.total];
}"#
        ),
        ["invoke-result-field stats.total"]
    );
}

#[test]
fn promise_all_then_and_index() {
    assert_eq!(
        flagged(
            r#"async () => {
  Promise.all([base44.functions.invoke("a"), base44.functions.invoke("b")]).then(([a, , c]) => a.x);
  const all = await Promise.all([base44.functions.invoke("a")]);
  return all[0].rows;
}"#
        ),
        ["invoke-result-field a.x", "invoke-result-field rows"]
    );
}

#[test]
fn promise_all_settled_values() {
    assert_eq!(
        flagged(
            r#"async () => {
  const [a, b] = await Promise.allSettled([base44.functions.invoke("a"), base44.functions.invoke("b")]);
  if (a.status === "fulfilled") use(a.value.items, a.value.data.items);
  if (b.status === "rejected") use(b.reason);
  const { value } = b;
  return value.count;
}"#
        ),
        ["invoke-result-field items", "invoke-result-field value.count"]
    );
}

#[test]
fn react_query_data_is_the_raw_response() {
    check(
        r#"
function Stats() {
  const { data: stats, isLoading } = useQuery({
    queryKey: ["stats"],
    queryFn: () => base44.functions.invoke("get-stats"),
  });
  return <p>{stats?.total}</p>;
}"#,
        r#"7:14 invoke-result-field `stats?.total` reads the axios response of "get-stats"; its JSON is on `stats.data`"#,
    );
}

#[test]
fn react_query_async_query_fn_and_query_object() {
    assert_eq!(
        flagged(
            r#"function Orders() {
  const orders = useQuery({
    queryKey: ["orders"],
    queryFn: async () => {
      const res = await base44.functions.invoke("list-orders");
      return res;
    },
  });
  const { data } = useQuery({ queryKey: ["x"], queryFn: () => base44.functions.invoke("x") });
  return [orders.data?.items, data.count];
}"#
        ),
        ["invoke-result-field items", "invoke-result-field data.count"]
    );
}

#[test]
fn react_query_with_unwrapped_or_selected_data_is_clean() {
    check_clean(
        r#"function Orders() {
  const a = useQuery({ queryKey: ["a"], queryFn: async () => (await base44.functions.invoke("a")).data });
  const b = useQuery({ queryKey: ["b"], queryFn: () => base44.functions.invoke("b"), select: (r) => r.data });
  const c = useQuery({ queryKey: ["c"], queryFn: () => base44.functions.invoke("c").then((r) => r.data) });
  return [a.data.items, b.data.items, c.data.items];
}"#,
    );
}

#[test]
fn react_query_mutation_on_success() {
    assert_eq!(
        flagged(
            r#"function Checkout() {
  const pay = useMutation({
    mutationFn: (orderId) => base44.functions.invoke("process-order", { orderId }),
    onSuccess: (result) => {
      if (result.success) toast("paid");
      toast(result.data.receipt);
    },
  });
}"#
        ),
        ["invoke-result-field result.success"]
    );
}

#[test]
fn react_query_mutate_async_and_per_call_callbacks() {
    assert_eq!(
        flagged(
            r#"function Checkout() {
  const pay = useMutation({ mutationFn: (id) => base44.functions.invoke("pay", { id }) });
  const { mutateAsync: refund, mutate } = useMutation({
    mutationFn: (id) => base44.functions.invoke("refund", { id }),
  });
  async function go() {
    const res = await pay.mutateAsync("o-1");
    if (res.paid) toast("ok");
    const back = await refund("o-1");
    use(back.data.amount, back.amount, pay.data?.receipt);
    pay.mutate("o-2", { onSuccess: (r) => toast(r.receipt), onError: (e) => toast(e.message) });
    mutate("o-3", { onSettled: (r) => r?.status });
  }
}"#
        ),
        [
            "invoke-result-field res.paid",
            "invoke-result-field back.amount",
            "invoke-result-field receipt",
            "invoke-result-field r.receipt"
        ]
    );
}

#[test]
fn react_query_positional_forms() {
    assert_eq!(
        flagged(
            r#"function Old() {
  const stats = useQuery(["stats"], () => base44.functions.invoke("stats"));
  const picked = useQuery(["p"], () => base44.functions.invoke("p"), { select: (r) => r.data });
  const save = useMutation((v) => base44.functions.invoke("save", v), { onSuccess: (r) => r.saved });
  return [stats.data?.total, picked.data.total];
}"#
        ),
        ["invoke-result-field r.saved", "invoke-result-field total"]
    );
}
