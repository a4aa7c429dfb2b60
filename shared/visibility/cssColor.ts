// Which CSS values are colours, and which of them are fully transparent: enough to tell text
// drawn in an invisible colour, and to know that `color: nonsense` after `color: transparent`
// is ignored by a browser (so the text stays invisible) while `color: navy` is not.
import { keyword, type CssToken } from './cssSyntax';

const NAMED_COLORS = new Set(
  (
    'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown ' +
    'burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan ' +
    'darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid ' +
    'darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet ' +
    'deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ' +
    'ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki ' +
    'lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow ' +
    'lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray ' +
    'lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine ' +
    'mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise ' +
    'mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab ' +
    'orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru ' +
    'pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown ' +
    'seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan ' +
    'teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen ' +
    // System colours, current and deprecated.
    'accentcolor accentcolortext activetext buttonborder buttonface buttontext canvas canvastext field ' +
    'fieldtext graytext highlight highlighttext linktext mark marktext selecteditem selecteditemtext ' +
    'visitedtext activeborder activecaption appworkspace background buttonhighlight buttonshadow ' +
    'captiontext inactiveborder inactivecaption inactivecaptiontext infobackground infotext menu menutext ' +
    'scrollbar threeddarkshadow threedface threedhighlight threedlightshadow threedshadow window ' +
    'windowframe windowtext transparent currentcolor'
  ).split(' '),
);

/** Colour functions; the first group can carry an alpha after "/" (or as a fourth comma-separated argument). */
const ALPHA_FUNCTIONS = new Set(['rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color']);
const OTHER_COLOR_FUNCTIONS = new Set(['color-mix', 'light-dark', 'device-cmyk', 'contrast-color']);

/** A value a browser accepts as a colour. */
export function isColor(token: CssToken | undefined): boolean {
  if (token === undefined) return false;
  if (token.type === 'ident') return NAMED_COLORS.has(keyword(token)!);
  if (token.type === 'hash') return /^(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(token.value);
  return token.type === 'function' && (ALPHA_FUNCTIONS.has(token.name) || OTHER_COLOR_FUNCTIONS.has(token.name));
}

/** A colour with nothing of it drawn: `transparent`, #rgb0, #rrggbb00, or an alpha of zero. */
export function isTransparentColor(token: CssToken | undefined): boolean {
  if (token === undefined) return false;
  if (token.type === 'ident') return keyword(token) === 'transparent';
  if (token.type === 'hash') return /^(?:[0-9a-f]{3}0|[0-9a-f]{6}00)$/i.test(token.value);
  if (token.type !== 'function' || !ALPHA_FUNCTIONS.has(token.name)) return false;
  const slash = token.args.findIndex((t) => t.type === 'delim' && t.value === '/');
  const commas = token.args.filter((t) => t.type === 'delim' && t.value === ',').length;
  const alpha = slash >= 0 ? token.args[slash + 1] : commas === 3 ? token.args[token.args.length - 1] : undefined;
  return alpha?.type === 'number' && (alpha.unit === '' || alpha.unit === '%') && alpha.value <= 0;
}
