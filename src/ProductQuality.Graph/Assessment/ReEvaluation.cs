namespace ProductQuality.Graph.Assessment;

/// <summary>
/// What a re-evaluation looked at and changed. <paramref name="Enterprises"/>: those replayed (the touched ones and
/// the makers of products whose tier changed), each once; <paramref name="EnterprisesChanged"/> of them changed.
/// <paramref name="ProductsChanged"/>: products whose gradings changed; <paramref name="Gradings"/>: the gradings
/// added (a product graded for missed days adds one for each day its grading changed).
/// <paramref name="RegionsChanged"/>: region assessments added.
/// </summary>
public sealed record ReEvaluation(
    int Enterprises, int EnterprisesChanged, int ProductsChanged, int Gradings, int RegionsChanged)
{
    public static ReEvaluation None { get; } = new(0, 0, 0, 0, 0);

    public bool ChangedNothing => EnterprisesChanged == 0 && ProductsChanged == 0 && Gradings == 0
        && RegionsChanged == 0;
}
