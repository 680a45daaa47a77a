// The gateway's API documentation page: Swagger UI with a selector of the services' documents.
// swagger-config.json (rendered by deploy/gateway/render-nginx from routes.tsv) lists them as
// `urls`; each is /api/docs/<service>.json, the service's own /q/openapi. "Try it out" calls the
// gateway (the documents name no server), so a bearer token goes in "Authorize".
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    configUrl: "swagger-config.json",
    dom_id: "#swagger-ui",
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    deepLinking: true,
    // no badge from the public validator: the page calls nothing but the gateway
    validatorUrl: null
  });
});
