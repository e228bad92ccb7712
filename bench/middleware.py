from django.db import connection


class QueryCountMiddleware:
    """Answers every request with ``X-Bench-Queries``: the SQL queries it ran, counted on the server under test.

    Installed outermost by bench.settings only, so it counts what every other middleware and the view run.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counted(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counted):
            response = self.get_response(request)
        response["X-Bench-Queries"] = str(count)
        return response
