using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Backprop.Notebooks.Resources;

namespace Backprop.Notebooks.Display;

/// <summary>
/// A computational graph's HTML: the finished SVG, then buttons (reset, previous, next, play) that hide every edge
/// label and reveal them again one step at a time, forward values first, then gradients, naming at the node that
/// computes each one its local rule. The script only shows and hides labels the C# drew; it computes nothing. It
/// needs no network and no loader, so it runs where notebook output scripts run: VS Code's notebook webview,
/// a trusted Jupyter notebook, the runner's HTML pages. Without scripts the buttons stay hidden.
/// </summary>
internal static class GraphScript
{
    public static string Html(ComputationalGraph graph)
    {
        IReadOnlyList<GraphStep> steps = graph.Steps;
        (string svg, IReadOnlyDictionary<string, Box> boxes) = GraphSvg.Draw(graph, steps);
        int forward = steps.Count(s => s.Pass == GraphPass.Forward);
        int backward = steps.Count - forward;
        var data = new
        {
            steps = steps.Select((s, i) => new
            {
                pass = s.Pass == GraphPass.Forward ? "forward" : "backward",
                node = s.Node,
                text = s.Text,
                caption = string.Format(
                    CultureInfo.InvariantCulture,
                    s.Pass == GraphPass.Forward ? GraphSteps.ForwardStep : GraphSteps.BackwardStep,
                    s.Pass == GraphPass.Forward ? i + 1 : i + 1 - forward,
                    s.Pass == GraphPass.Forward ? forward : backward,
                    s.Text),
                x = Math.Round((boxes[s.Node].MinX + boxes[s.Node].MaxX) / 2, 1),
                top = Math.Round(boxes[s.Node].MinY, 1),
                bottom = Math.Round(boxes[s.Node].MaxY, 1),
            }),
            start = GraphSteps.Start,
            finished = GraphSteps.Finished,
            play = GraphSteps.Play,
            pause = GraphSteps.Pause,
        };

        // The default encoder writes < > & and every non-ASCII character as \uXXXX: nothing in it can end the script.
        string json = JsonSerializer.Serialize(data);

        // An id from the content, so a cell's output is the same on every run (stored outputs are compared).
        string id = "cg-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(svg + json)))[..12];
        string Button(string action, string text) =>
            $"<button type=\"button\" data-cg-action=\"{action}\" style=\"font:inherit;margin-right:4px;padding:2px 10px;\">{WebUtility.HtmlEncode(text)}</button>";
        string controls = $"<div class=\"cg-controls\" role=\"group\" aria-label=\"{WebUtility.HtmlEncode(GraphSteps.Controls)}\" hidden "
            + "style=\"margin:6px 0 0;font:14px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;\">"
            + Button("reset", GraphSteps.Reset) + Button("previous", GraphSteps.Previous) + Button("next", GraphSteps.Next) + Button("play", GraphSteps.Play)
            + "<div class=\"cg-caption\" aria-live=\"polite\" style=\"margin-top:4px;min-height:1.4em;\"></div></div>";
        return $"<div class=\"computational-graph\" data-cg=\"{id}\">{svg}{controls}<script>{Script.Replace("%ID%", id, StringComparison.Ordinal).Replace("%DATA%", json, StringComparison.Ordinal)}</script></div>";
    }

    // ES5, no modules: the notebook front ends run output scripts as classic scripts, some (Jupyter's classic page)
    // by copying them to a new element elsewhere, so the figure is found by its id when currentScript is not in it.
    private const string Script = """
        (function () {
          var id = '%ID%', data = %DATA%;
          var root = document.currentScript && document.currentScript.parentElement;
          if (!root || root.getAttribute('data-cg') !== id || root.hasAttribute('data-cg-ready')) {
            root = null;
            var all = document.querySelectorAll('div.computational-graph[data-cg="' + id + '"]');
            for (var i = 0; i < all.length && !root; i++) { if (!all[i].hasAttribute('data-cg-ready')) { root = all[i]; } }
          }
          if (!root) { return; }
          root.setAttribute('data-cg-ready', '');
          var NS = 'http://www.w3.org/2000/svg';
          var svg = root.querySelector('svg'), controls = root.querySelector('.cg-controls'), caption = root.querySelector('.cg-caption');
          var labels = svg.querySelectorAll('text[data-step]'), steps = data.steps, n = steps.length;
          var state = n, opened = true, timer = null, bubble = null, marked = [];
          function button(action) { return controls.querySelector('[data-cg-action="' + action + '"]'); }
          function nodeShapes(id) {
            var found = [], all = svg.querySelectorAll('[data-node]');
            for (var i = 0; i < all.length; i++) { if (all[i].getAttribute('data-node') === id) { found.push(all[i]); } }
            return found;
          }
          function unmark() {
            for (var i = 0; i < marked.length; i++) { marked[i].el.setAttribute(marked[i].name, marked[i].value); }
            marked = [];
            if (bubble) { bubble.parentNode.removeChild(bubble); bubble = null; }
          }
          function set(el, name, value) {
            marked.push({ el: el, name: name, value: el.getAttribute(name) || '' });
            el.setAttribute(name, value);
          }
          function drawBubble(step) {
            var color = step.pass === 'backward' ? '#d62728' : '#333333';
            bubble = document.createElementNS(NS, 'g');
            bubble.setAttribute('class', 'cg-rule');
            var rect = document.createElementNS(NS, 'rect'), text = document.createElementNS(NS, 'text');
            text.setAttribute('font-size', '13');
            text.setAttribute('fill', color);
            text.setAttribute('text-anchor', 'middle');
            text.setAttribute('dy', '0.35em');
            text.textContent = step.text;
            rect.setAttribute('fill', '#fffbe6');
            rect.setAttribute('stroke', color);
            rect.setAttribute('rx', '4');
            bubble.appendChild(rect);
            bubble.appendChild(text);
            svg.appendChild(bubble);
            var width = 8 * step.text.length, height = 20;
            try { width = text.getBBox().width + 12; } catch (e) { }
            var view = svg.viewBox.baseVal, x = step.x, y = step.top - 6 - height / 2;
            x = Math.max(view.x + width / 2 + 2, Math.min(view.x + view.width - width / 2 - 2, x));
            if (y - height / 2 < view.y) { y = step.bottom + 6 + height / 2; }
            text.setAttribute('x', x);
            text.setAttribute('y', y);
            rect.setAttribute('x', x - width / 2);
            rect.setAttribute('y', y - height / 2);
            rect.setAttribute('width', width);
            rect.setAttribute('height', height);
          }
          function show() {
            unmark();
            for (var i = 0; i < labels.length; i++) {
              var k = +labels[i].getAttribute('data-step');
              labels[i].style.visibility = k <= state ? '' : 'hidden';
              if (k === state && !opened) { set(labels[i], 'font-weight', 'bold'); }
            }
            root.setAttribute('data-cg-state', state);
            if (opened) { caption.textContent = data.finished; }
            else if (state === 0) { caption.textContent = data.start; }
            else {
              var step = steps[state - 1], shapes = nodeShapes(step.node);
              for (var j = 0; j < shapes.length; j++) {
                if (shapes[j].tagName.toLowerCase() === 'circle') { set(shapes[j], 'stroke', '#ff7f0e'); set(shapes[j], 'stroke-width', '3'); }
                else { set(shapes[j], 'font-weight', 'bold'); }
              }
              caption.textContent = step.caption;
              drawBubble(step);
            }
            button('previous').disabled = state === 0;
            button('next').disabled = state === n;
            button('play').textContent = timer ? data.pause : data.play;
          }
          function stop() { if (timer) { clearInterval(timer); timer = null; } }
          function go(to) { opened = false; state = Math.max(0, Math.min(n, to)); show(); }
          function act(action) {
            if (action === 'play') {
              if (timer) { stop(); show(); return; }
              if (state === n) { go(0); }
              timer = setInterval(function () { if (state >= n) { stop(); show(); } else { go(state + 1); } }, 1100);
              show();
              return;
            }
            stop();
            if (action === 'reset') { go(0); } else if (action === 'previous') { go(state - 1); } else if (action === 'next') { go(state + 1); }
          }
          controls.addEventListener('click', function (e) {
            var b = e.target.closest ? e.target.closest('[data-cg-action]') : null;
            if (b) { act(b.getAttribute('data-cg-action')); }
          });
          controls.addEventListener('keydown', function (e) {
            var action = { ArrowRight: 'next', ArrowLeft: 'previous', Home: 'reset' }[e.key];
            if (action) { e.preventDefault(); act(action); }
          });
          controls.hidden = false;
          show();
        })();
        """;
}
