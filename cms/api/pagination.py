"""Offset pagination for the partners' API."""

from wagtail.api.v2.pagination import WagtailPagination


class NewsroomPagination(WagtailPagination):
    """Wagtail's `?offset=&limit=`, where an offset past the last item lists nothing without
    asking the database: databases refuse offsets beyond 64 bits, a 500 for ?offset=1e20."""

    def paginate_queryset(self, queryset, request, view=None):
        page = super().paginate_queryset(queryset, request, view)
        # Validated by the call above: a whole number from 0.
        if int(request.GET.get("offset", 0)) >= self.total_count:
            return []
        return page
