"""Residence verification (居住核验): residents ask their committee; staff verify, decline or revoke."""
