-- The projects' GeoJSON tiles a map of Linfen (36.08N 111.52E) asks for at zooms 8 to 12: every tile over
-- 110.3-112.5E, 35.3-36.9N at each zoom, requested in turn (gzip, as the page asks), over and over.
local tiles = {}
local function col(lon, z) return math.floor((lon + 180) / 360 * 2 ^ z) end
local function row(lat, z)
  local r = math.rad(lat)
  return math.floor((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * 2 ^ z)
end
for z = 8, 12 do
  for y = row(36.9, z), row(35.3, z) do
    for x = col(110.3, z), col(112.5, z) do
      tiles[#tiles + 1] = string.format("/api/collections/projects/tiles/WebMercatorQuad/%d/%d/%d?f=json", z, y, x)
    end
  end
end
local at = 0
request = function()
  at = at % #tiles + 1
  return wrk.format("GET", tiles[at], {["Accept-Encoding"] = "gzip"})
end
