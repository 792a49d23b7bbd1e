// Points Swagger UI at this server's OpenAPI document; a file of its own, so no inline script is needed.
window.addEventListener('load', function () {
    window.ui = SwaggerUIBundle({
        url: '/openapi',
        dom_id: '#swagger-ui',
        deepLinking: true
    });
});
