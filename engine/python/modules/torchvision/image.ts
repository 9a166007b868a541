// A minimal PIL.Image.Image: what torchvision's MNIST returns without a
// transform (mode 'L', 28x28), enough for ToTensor, .size, .mode and repr.

import { PyBuiltin, PyClass, PyInstance, PyTuple, PyProperty, builtinClasses } from '../../runtime/objects';

export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export const imageClass = new PyClass('Image', [builtinClasses.object]);
imageClass.module = 'PIL.Image';

export function wrapImage(img: GrayImage): PyInstance {
  const o = new PyInstance(imageClass);
  o.native = img;
  return o;
}

export function asImage(v: unknown): GrayImage | null {
  return v instanceof PyInstance && v.cls === imageClass ? (v.native as GrayImage) : null;
}

const I = (v: unknown): GrayImage => (v as PyInstance).native as GrayImage;
imageClass.dict.set('__repr__', new PyBuiltin('__repr__', ([s]) => `<PIL.Image.Image image mode=L size=${I(s).width}x${I(s).height}>`));
imageClass.dict.set('size', new PyProperty(new PyBuiltin('size', ([s]) => new PyTuple([BigInt(I(s).width), BigInt(I(s).height)]))));
imageClass.dict.set('mode', new PyProperty(new PyBuiltin('mode', () => 'L')));
imageClass.dict.set('width', new PyProperty(new PyBuiltin('width', ([s]) => BigInt(I(s).width))));
imageClass.dict.set('height', new PyProperty(new PyBuiltin('height', ([s]) => BigInt(I(s).height))));
