"""The portal's URLs plus the framework floor: a bare view returning a constant, answered by the
same server through the same middleware."""

from django.http import HttpResponse
from django.urls import include, path


def floor(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/floor/", floor), path("", include("portal.urls"))]
