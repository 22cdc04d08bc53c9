"""The resource classes behind `client.files` and `client.assets`."""
