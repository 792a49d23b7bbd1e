-- One connection per wrk thread; each walks: new client -> draft -> consent -> submit, then again.
-- The token and service id come from the environment (bench/api.sh sets them).
local token = os.getenv("WAYPOINT_TOKEN")
local service = os.getenv("WAYPOINT_SERVICE")
local step, client, referral, counter = 1, nil, nil, 0
local submitted = 0

local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }

function setup(thread)
  thread:set("id", tostring(thread))
end

function request()
  if step == 1 then
    counter = counter + 1
    local body = string.format(
      '{"givenName":"Bench%s","familyName":"Person%d","dateOfBirth":"1990-01-01","gender":"NOT_SAID"}',
      string.gsub(id or "x", "%W", ""), counter)
    return wrk.format("POST", "/api/v1/clients", headers, body)
  elseif step == 2 then
    local body = string.format(
      '{"clientId":"%s","serviceId":"%s","needs":{"needs":["COUNSELLING"],"riskLevel":"STANDARD","urgency":"ROUTINE"}}',
      client, service)
    return wrk.format("POST", "/api/v1/referrals", headers, body)
  elseif step == 3 then
    return wrk.format("POST", "/api/v1/referrals/" .. referral .. "/consent", headers,
      '{"basis":"GIVEN_BY_PERSON","shareContactDetails":true,"shareCaseDetails":true,"method":"IN_PERSON"}')
  else
    return wrk.format("POST", "/api/v1/referrals/" .. referral .. "/submit", headers, nil)
  end
end

function response(status, hdrs, body)
  if status >= 400 then
    step = 1
    return
  end
  if step == 1 then
    client = string.match(hdrs["Location"] or "", "([%w%-]+)$")
    step = 2
  elseif step == 2 then
    referral = string.match(hdrs["Location"] or "", "([%w%-]+)$")
    step = 3
  elseif step == 3 then
    step = 4
  else
    submitted = submitted + 1
    step = 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests: %d, errors (status): %d\n", summary.requests, summary.errors.status))
end
