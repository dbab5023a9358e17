from django.http import StreamingHttpResponse

from tahub.core.rules import require

from . import iati


def iati_activities(request):
    """The programme's activities as IATI 2.03 XML, streamed: constant memory however many activities."""
    require(request.user, "planning.view_programme")
    response = StreamingHttpResponse(iati.activities_xml(), content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="activities.xml"'
    return response
