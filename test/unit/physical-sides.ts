// CSS that names a physical side (margin-left, padding-right, text-align: left, a margin or padding
// with four values, whose second and fourth are right and left) does not flip with dir="rtl";
// logical properties (margin-inline-start, padding-inline…) do. Shared by the popup's and the
// inline UI's style tests.
export const PHYSICAL_SIDES =
  /(?:margin|padding|border|inset)-(?:left|right)\b|text-align:\s*(?:left|right)\b|float:\s*(?:left|right)\b|(?:margin|padding):\s*[^;\s]+\s+[^;\s]+\s+[^;\s]+\s+[^;]+;/;
