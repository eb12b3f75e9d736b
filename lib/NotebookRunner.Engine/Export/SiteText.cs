namespace NotebookRunner.Engine.Export;

/// <summary>The words of the site's navigation and front page, in each edition's language.</summary>
public sealed record SiteText(
    string Chapters, string Previous, string Next, string Download, string DevContainer, string Codespaces, string Home, string About)
{
    public static SiteText For(Editions.Language language) => language.Code switch
    {
        "ko" => new(
            "장 목록", "이전", "다음", ".ipynb 내려받기", "개발 컨테이너에서 열기", "Codespaces에서 열기", "처음으로",
            "『밑바닥부터 시작하는 딥러닝』 5장, 오차역전파법을 C#으로 따라가는 노트북이다. 각 페이지는 저장된 출력을 그대로 보여 준다. "
            + "계산 그래프 아래의 버튼으로 순전파와 역전파를 한 단계씩 따라갈 수 있다. 노트북을 내려받아 VS Code의 Polyglot Notebooks나 Jupyter에서 직접 실행해 보자."),
        "ja" => new(
            "章の一覧", "前へ", "次へ", ".ipynb をダウンロード", "開発コンテナで開く", "Codespaces で開く", "トップへ",
            "『ゼロから作るDeep Learning』5章「誤差逆伝播法」を C# でたどるノートブックです。各ページはノートブックに保存された出力をそのまま表示します。"
            + "計算グラフの下のボタンで、順伝播と逆伝播を一歩ずつたどれます。ノートブックをダウンロードして、VS Code の Polyglot Notebooks や Jupyter で実行してみてください。"),
        _ => new(
            "Chapters", "Previous", "Next", "Download .ipynb", "Open in a dev container", "Open in Codespaces", "Home",
            "C# notebooks that follow chapter 5 of Deep Learning from Scratch (Saito Koki), backpropagation, layer by layer. "
            + "Each page shows the notebook with its stored outputs; the buttons under a computational graph step through its forward and "
            + "backward pass. Download a notebook to run it yourself in VS Code's Polyglot Notebooks or in Jupyter."),
    };
}
