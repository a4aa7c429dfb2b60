// What a reader could see: the one policy for hidden content, for every way text comes in.
export { isReaderVisible, NOT_TEXT_ELEMENTS, type ElementView } from './readerVisible';
export { declarationsHideText, styleHidesText } from './hidingStyle';
export { parseDeclarations, type CssDeclaration, type CssToken } from './cssSyntax';
