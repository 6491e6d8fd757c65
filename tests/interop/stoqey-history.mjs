// Drives @stoqey/ib (pinned in package.json) against a simulator replaying bar series, and prints what it saw as one
// JSON object: the head timestamp, a day of hourly history, a kept-up-to-date history and its first update, the first
// 5-second real-time bar, and a market-data stream's ticks as the replay clock moves; then it cancels and disconnects.
// Usage: node stoqey-history.mjs <port> [clientId]. The simulator must run its replay clock (speed above 0).
// Exit code 0 when the sequence completed (the caller asserts the values), 1 on a time-out or a connection failure.
import ib from "@stoqey/ib";
import { guardRun } from "./run-guard.mjs";

const { IBApi, EventName } = ib;
const port = Number(process.argv[2]);
const clientId = Number(process.argv[3] ?? 8);
const aapl = { conId: 265598, symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" };
const headReqId = 7001;
const historyReqId = 7002;
const liveHistoryReqId = 7003;
const realTimeReqId = 7004;
const streamReqId = 7005;
// The stream's first LAST tick is the current quote; two more are the replay moving it.
const wantedLastTicks = 3;

const result = {
  connected: false,
  headTimestamp: null,
  history: [],
  historyEnd: null,
  liveHistory: [],
  liveHistoryEnd: null,
  liveUpdates: [],
  realTimeBars: [],
  streamTicks: [],
  errors: [],
  disconnected: false,
};

const api = new IBApi({ host: "127.0.0.1", port });
const done = guardRun(result, 20000, "timed out waiting for the simulator");

api.on(EventName.connected, () => { result.connected = true; });
api.on(EventName.error, (error, code, reqId) => {
  result.errors.push({ code, reqId, message: error?.message ?? String(error) });
  if (!result.connected || code === 502) done(1);
});
api.on(EventName.nextValidId, () => {
  if (result.headTimestamp !== null) return;
  api.reqHeadTimestamp(headReqId, aapl, "TRADES", true, 1);
});
api.on(EventName.headTimestamp, (reqId, time) => {
  result.headTimestamp = { reqId, time };
  // The session before the replay's day: one day of hourly bars ending at its start, in regular hours.
  api.reqHistoricalData(historyReqId, aapl, "20251118 09:30:00 US/Eastern", "1 D", "1 hour", "TRADES", 1, 1, false);
});
api.on(EventName.historicalData, (reqId, time, open, high, low, close, volume, count, wap) => {
  const list = reqId === historyReqId ? result.history : result.liveHistory;
  if (String(time).startsWith("finished")) {
    if (reqId === historyReqId) {
      result.historyEnd = time;
      api.reqHistoricalData(liveHistoryReqId, aapl, "", "1800 S", "5 mins", "MIDPOINT", 0, 2, true);
    } else {
      result.liveHistoryEnd = time;
    }
    return;
  }
  list.push({ reqId, time, open, high, low, close, volume, count, wap });
});
api.on(EventName.historicalDataUpdate, (reqId, time, open, high, low, close, volume, count, wap) => {
  result.liveUpdates.push({ reqId, time, open, high, low, close, volume, count, wap });
  if (result.liveUpdates.length === 1) {
    api.cancelHistoricalData(liveHistoryReqId);
    api.reqRealTimeBars(realTimeReqId, aapl, 5, "TRADES", false);
  }
});
api.on(EventName.realtimeBar, (reqId, time, open, high, low, close, volume, wap, count) => {
  result.realTimeBars.push({ reqId, time, open, high, low, close, volume, wap, count });
  if (result.realTimeBars.length === 1) {
    api.cancelRealTimeBars(realTimeReqId);
    api.reqMktData(streamReqId, aapl, "", false, false);
  }
});
api.on(EventName.tickPrice, (reqId, field, value) => {
  // Ticks already on the way when the stream is cancelled are not counted.
  if (reqId !== streamReqId || result.streamTicks.filter((t) => t.field === 4).length === wantedLastTicks) return;
  result.streamTicks.push({ reqId, field, value });
  if (result.streamTicks.filter((t) => t.field === 4).length === wantedLastTicks) {
    api.cancelMktData(streamReqId);
    api.disconnect();
  }
});
api.on(EventName.disconnected, () => {
  result.disconnected = true;
  done(0);
});

api.connect(clientId);
