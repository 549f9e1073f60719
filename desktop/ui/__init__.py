"""The Qt Widgets interface. No business rules live here: pages show what the core computes."""
