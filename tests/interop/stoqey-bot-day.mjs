// A trading bot's day on @stoqey/ib (pinned in package.json) against a simulator started with
// samples/simulator/bot-day.txt and bot-day.scenario.txt: contract details, a snapshot, history (asked again after the
// scenario's pacing error), a SELL limit that rests, an MSFT order it cancels, the nightly restart it survives by
// reconnecting, then the fill when the replayed market crosses its limit, its position, executions and completed orders.
// Prints what it saw as one JSON object. Usage: node stoqey-bot-day.mjs <port> [clientId] [host]
// Exit code 0 when the day completed (the caller asserts the values), 1 on a time-out or a connection failure.
import ib from "@stoqey/ib";
import { guardRun } from "./run-guard.mjs";

const { IBApi, EventName } = ib;
const port = Number(process.argv[2]);
const clientId = Number(process.argv[3] ?? 21);
const host = process.argv[4] ?? "127.0.0.1";
const aapl = { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" };
const msft = { symbol: "MSFT", secType: "STK", exchange: "SMART", currency: "USD" };
const ids = { details: 1, snapshot: 2, history: 3, historyAgain: 4, executions: 5 };

const result = {
  client: "@stoqey/ib",
  firstOrderId: null,
  contract: null,
  snapshot: {},
  paced: null,
  historyBars: 0,
  statuses: {},
  cancelError: null,
  restarted: false,
  refusals: [],
  reconnected: false,
  openAfterRestart: [],
  fills: [],
  commissions: [],
  positions: [],
  executions: [],
  completed: [],
  errors: [],
};

const done = guardRun(result, 45000, "timed out during the bot's day");

const status = (id) => (result.statuses[id] ??= []);
let api;
let phase = "morning";
let openOrdersEnded = false;

function connect() {
  api = new IBApi({ host, port });
  const self = api;
  api.on(EventName.error, (error, code, reqId) => onError(self, error, code, reqId));
  api.on(EventName.nextValidId, onNextValidId);
  // IB sends 326 with id -1, which @stoqey/ib reports as info; the server closes next, and the bot tries again.
  api.on(EventName.info, (message, code) => { if (phase === "reconnecting") result.refusals.push(code); });
  api.on(EventName.contractDetails, (reqId, details) => {
    result.contract = { conId: details.contract.conId, symbol: details.contract.symbol, longName: details.longName };
  });
  api.on(EventName.contractDetailsEnd, () => api.reqMktData(ids.snapshot, aapl, "", true, false));
  api.on(EventName.tickPrice, (reqId, field, value) => { result.snapshot[field] = value; });
  api.on(EventName.tickSnapshotEnd, () => api.reqHistoricalData(ids.history, aapl, "", "2 D", "1 min", "TRADES", 1, 1, false));
  api.on(EventName.historicalData, (reqId, time) => {
    if (!String(time).startsWith("finished")) { result.historyBars++; return; }
    // Morning orders: a take-profit SELL above the market, and an MSFT bid the fill rules never fill.
    api.placeOrder(result.firstOrderId, aapl, { action: "SELL", orderType: "LMT", lmtPrice: 189.2, totalQuantity: 100, tif: "GTC", transmit: true });
  });
  api.on(EventName.orderStatus, onOrderStatus);
  api.on(EventName.openOrder, (id, contract, order, state) => {
    if (phase === "evening") result.openAfterRestart.push({ id, symbol: contract.symbol, status: state.status, lmtPrice: order.lmtPrice });
  });
  api.on(EventName.openOrderEnd, () => { openOrdersEnded = true; afternoon(); });
  api.on(EventName.execDetails, (reqId, contract, exec) => {
    const row = { reqId, orderId: exec.orderId, symbol: contract.symbol, side: exec.side, shares: exec.shares, price: exec.price, time: exec.time, execId: exec.execId };
    (reqId === ids.executions ? result.executions : result.fills).push(row);
  });
  api.on(EventName.commissionReport, (report) => { result.commissions.push({ execId: report.execId, commission: report.commission }); });
  api.on(EventName.position, (account, contract, pos, avgCost) => { result.positions.push({ account, symbol: contract.symbol, position: pos, avgCost }); });
  api.on(EventName.positionEnd, () => { api.cancelPositions(); api.reqExecutions(ids.executions, {}); });
  api.on(EventName.execDetailsEnd, () => api.reqCompletedOrders(false));
  api.on(EventName.completedOrder, (contract, order, state) => {
    result.completed.push({ symbol: contract.symbol, action: order.action, totalQuantity: order.totalQuantity, status: state.status });
  });
  api.on(EventName.completedOrdersEnd, () => { phase = "done"; api.disconnect(); });
  api.on(EventName.disconnected, () => onDisconnected(self));
  api.connect(clientId);
}

function onError(self, error, code, reqId) {
  const entry = { code, reqId, message: error?.message ?? String(error) };
  if (reqId === ids.history && code === 162) {
    result.paced = entry;
    api.reqHistoricalData(ids.historyAgain, aapl, "", "2 D", "1 min", "TRADES", 1, 1, false);
  } else if (reqId === result.firstOrderId + 1 && code === 202) {
    result.cancelError = entry;
  } else if (phase === "reconnecting") {
    result.refusals.push(code);
    retry(self);
  } else {
    result.errors.push(entry);
  }
}

function onNextValidId(orderId) {
  if (phase === "morning" && result.firstOrderId === null) {
    result.firstOrderId = orderId;
    api.reqContractDetails(ids.details, aapl);
  } else if (phase === "reconnecting") {
    phase = "evening";
    result.reconnected = true;
    api.reqOpenOrders();
  }
}

function onOrderStatus(id, state, filled, remaining, avgFillPrice) {
  const seen = status(id);
  if (seen.length > 0 && seen[seen.length - 1].status === state && seen[seen.length - 1].filled === filled) return;
  seen.push({ status: state, filled, remaining, avgFillPrice });
  if (phase !== "morning") { afternoon(); return; }
  if (id === result.firstOrderId && state === "Submitted") {
    api.placeOrder(id + 1, msft, { action: "BUY", orderType: "LMT", lmtPrice: 416, totalQuantity: 10, tif: "GTC", transmit: true });
  } else if (id === result.firstOrderId + 1 && state === "Submitted") {
    api.cancelOrder(id);
  } else if (id === result.firstOrderId + 1 && state === "Cancelled") {
    phase = "night";   // wait for the scenario's nightly restart to close the connection
  }
}

/** Once the restart is behind and the limit has filled, the bot checks its book. */
function afternoon() {
  const filled = status(result.firstOrderId).some((s) => s.status === "Filled");
  if (phase !== "evening" || !openOrdersEnded || !filled) return;
  phase = "closing";
  api.reqPositions();
}

function onDisconnected(self) {
  if (phase === "done") { done(0); return; }
  if (phase === "night") {
    result.restarted = true;
    phase = "reconnecting";
  }
  if (phase !== "reconnecting") {
    result.errors.push({ code: -1, reqId: -1, message: `disconnected during ${phase}` });
    done(1);
    return;
  }
  retry(self);
}

const retried = new Set();
/** The port refuses, then the old client id gets 326 for a while: try again every half second, once per failed attempt. */
function retry(self) {
  if (retried.has(self) || phase !== "reconnecting") return;
  retried.add(self);
  try { self.disconnect(); } catch { /* already closed */ }
  setTimeout(connect, 500);
}

connect();
