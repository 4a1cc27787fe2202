// Map preview of a GeoJSON resource with the portal's own Leaflet. Without this script (or without
// JavaScript) the page shows the features as a table and the file as text; the map only adds to them.
(function () {
  'use strict';
  var element = document.getElementById('karte');
  if (!element || !window.L || !window.fetch) {
    return;
  }
  fetch(element.getAttribute('data-geojson'), { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    })
    .then(function (data) {
      element.hidden = false;
      // keyboard: Leaflet pans with the arrow keys and zooms with + and - once the map has focus
      var map = L.map(element, { keyboard: true, scrollWheelZoom: false, zoomControl: false, attributionControl: false });
      var german = document.documentElement.lang !== 'en';
      L.control.zoom({
        zoomInTitle: german ? 'Vergrößern' : 'Zoom in',
        zoomOutTitle: german ? 'Verkleinern' : 'Zoom out'
      }).addTo(map);
      var tiles = element.getAttribute('data-tile-url');
      if (tiles) {
        L.control.attribution({ prefix: false }).addTo(map);
        L.tileLayer(tiles, { attribution: element.getAttribute('data-attribution') || '', maxZoom: 19 }).addTo(map);
      } else {
        element.classList.add('opendata-map--plain');
      }
      var layer = L.geoJSON(data, {
        // circles are drawn as SVG: no marker images, nothing fetched
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, { radius: 6, weight: 2, color: '#0b4e8a', fillColor: '#3f8fd6', fillOpacity: 0.8 });
        },
        style: function () {
          return { color: '#0b4e8a', weight: 2 };
        },
        onEachFeature: function (feature, shape) {
          var properties = feature.properties || {};
          var lines = Object.keys(properties).map(function (key) {
            return key + ': ' + properties[key];
          });
          if (lines.length) {
            var text = document.createElement('div');
            lines.forEach(function (line) {
              var p = document.createElement('p');
              p.textContent = line;
              text.appendChild(p);
            });
            shape.bindPopup(text);
          }
        }
      }).addTo(map);
      var bounds = layer.getBounds();
      if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [16, 16], maxZoom: 16 });
      } else {
        map.setView([51.48, 7.22], 11);
      }
      element.setAttribute('data-features', String(layer.getLayers().length));
    })
    .catch(function () {
      element.hidden = true;
    });
})();
