-- A different random 0.2° box inside Linfen's extent for every request (seeded), limit=100.
math.randomseed(42)
request = function()
  local lon = 110.3 + math.random() * 2.2
  local lat = 35.3 + math.random() * 1.6
  local path = string.format("/api/collections/projects/items?limit=100&bbox=%.4f,%.4f,%.4f,%.4f", lon, lat, lon + 0.2, lat + 0.2)
  return wrk.format("GET", path, {["Accept-Encoding"] = "gzip"})
end
