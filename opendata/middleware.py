"""HEAD for the API: answered as GET without the body (django-ninja routes GET only)."""

API_PREFIX = "/api/"


class ApiHeadMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "HEAD" or not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        request.method = "GET"
        try:
            response = self.get_response(request)
        finally:
            request.method = "HEAD"
        if not response.streaming:
            # The length of what GET would send, as HEAD promises.
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response
