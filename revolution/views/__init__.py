"""What a page shows: figures drawn from the data, tables, summaries, text alternatives and the reader;
built from revolution.data, never from Streamlit."""
