from django.urls import path

from tahub.core.history import ObjectHistoryView

from . import staff, views

app_name = "accounts"
urlpatterns = [
    # Staff pages: everything under /staff/ needs a two-factor session (middleware.StaffTwoFactorMiddleware).
    path("staff/", views.StaffHomeView.as_view(), name="staff_home"),
    path("staff/invitations/new/", views.InviteContactPointView.as_view(), name="invite_contact_point"),
    path(
        "staff/countries/<str:iso3>/eligibility/", staff.EligibilityOverrideView.as_view(), name="override_eligibility"
    ),
    path(
        "staff/history/<str:app_label>/<str:model_name>/<int:pk>/", ObjectHistoryView.as_view(), name="object_history"
    ),
    path("account/", views.ProfileView.as_view(), name="profile"),
    path("account/api-tokens/", views.ApiTokensView.as_view(), name="api_tokens"),
    path("account/api-tokens/<int:pk>/revoke/", views.RevokeApiTokenView.as_view(), name="revoke_api_token"),
    path("invitations/<str:iso3>/focal-points/new/", views.InviteFocalPointView.as_view(), name="invite_focal_point"),
    path(
        "invitations/accept/<str:uidb64>/<str:token>/", views.AcceptInvitationView.as_view(), name="accept_invitation"
    ),
]
