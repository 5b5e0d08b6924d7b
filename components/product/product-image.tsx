import Image from 'next/image';

/**
 * A product picture from a seller's feed. Local paths go through next/image's optimizer; an
 * absolute URL (a seller hosting its own images) is loaded as is, so no host list has to be
 * configured for every seller that may ever push a feed.
 */
export function ProductImage({
  src,
  alt,
  sizes,
  className,
}: {
  src: string;
  alt: string;
  sizes: string;
  className?: string;
}) {
  const remote = /^https?:\/\//i.test(src);
  return (
    <Image
      src={src}
      alt={alt}
      fill
      sizes={sizes}
      unoptimized={remote}
      className={className ?? 'object-cover'}
    />
  );
}
