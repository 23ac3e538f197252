console.log("Brotli probe for ApiConventionsIntegrationTests");
