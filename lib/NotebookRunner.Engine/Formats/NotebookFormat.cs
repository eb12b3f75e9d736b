namespace NotebookRunner.Engine.Formats;

public enum NotebookFormat
{
    Ipynb,
    Dib,
}
