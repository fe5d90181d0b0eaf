"""What leaves the app: slides and their layout, images, published files and the offline lesson bundle;
built from revolution.views and revolution.data."""
