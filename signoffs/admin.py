from django.contrib import admin

from .models import PersonalLink, Signature, SignatureRequest, SignOffEvent


@admin.register(SignatureRequest)
class SignatureRequestAdmin(admin.ModelAdmin):
    list_display = [
        "person",
        "role",
        "status",
        "content_type",
        "object_id",
        "requested_at",
        "last_reminded_at",
    ]
    list_filter = ["status", "role", "content_type"]
    search_fields = ["person__first_name", "person__last_name", "person__email"]
    raw_id_fields = ["person"]


@admin.register(Signature)
class SignatureAdmin(admin.ModelAdmin):
    list_display = [
        "signer_name",
        "role",
        "method",
        "signed_at",
        "voided_at",
        "content_type",
        "object_id",
    ]
    list_filter = ["method", "role", "content_type"]
    search_fields = ["signer_name", "content_hash"]
    raw_id_fields = ["signer", "request"]
    readonly_fields = ["content_hash", "signed_at"]


@admin.register(PersonalLink)
class PersonalLinkAdmin(admin.ModelAdmin):
    list_display = [
        "person",
        "purpose",
        "content_type",
        "object_id",
        "created_at",
        "expires_at",
        "revoked_at",
    ]
    list_filter = ["purpose", "content_type"]
    search_fields = ["person__first_name", "person__last_name", "person__email"]
    raw_id_fields = ["person"]
    readonly_fields = ["token_hash"]


@admin.register(SignOffEvent)
class SignOffEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "action", "actor", "content_type", "object_id"]
    list_filter = ["action", "content_type"]
    search_fields = ["detail", "actor__last_name"]
    raw_id_fields = ["actor"]
