/*
 * xml_lazy.h - libxml2 loaded when a Word file is written, not at
 * start-up. Debian's libxml2 brings ICU's common library and libstdc++,
 * whose loading and relocation cost every run of kehoach some two
 * million instructions, for a writer only `render --docx` uses.
 * docx_xml.c calls libxml2's functions by their names, which the macros
 * below turn into the pointers kh_xml_load() fills with dlsym.
 * Part of kehoach; see README.md for the licence.
 */
#ifndef KH_XML_LAZY_H
#define KH_XML_LAZY_H

#include <stdbool.h>
#include <libxml/xmlwriter.h>

#define KH_XML_FUNCTIONS(X)                                                              \
	X(xmlBufferCreate) X(xmlBufferFree) X(xmlBufferLength) X(xmlBufferContent)          \
	X(xmlNewTextWriterMemory) X(xmlFreeTextWriter) X(xmlTextWriterStartDocument)        \
	X(xmlTextWriterEndDocument) X(xmlTextWriterStartElement) X(xmlTextWriterEndElement) \
	X(xmlTextWriterWriteAttribute) X(xmlTextWriterWriteString)

typedef struct kh_xml_api {
#define KH_XML_FIELD(f) __typeof__(&f) f;
	KH_XML_FUNCTIONS(KH_XML_FIELD)
#undef KH_XML_FIELD
} kh_xml_api;

extern kh_xml_api kh_xml;

/* Loads libxml2 once; false, with the reason in *WHY, when it cannot. */
bool kh_xml_load(const char **why);

#ifndef KH_XML_LAZY_IMPL
#define xmlBufferCreate kh_xml.xmlBufferCreate
#define xmlBufferFree kh_xml.xmlBufferFree
#define xmlBufferLength kh_xml.xmlBufferLength
#define xmlBufferContent kh_xml.xmlBufferContent
#define xmlNewTextWriterMemory kh_xml.xmlNewTextWriterMemory
#define xmlFreeTextWriter kh_xml.xmlFreeTextWriter
#define xmlTextWriterStartDocument kh_xml.xmlTextWriterStartDocument
#define xmlTextWriterEndDocument kh_xml.xmlTextWriterEndDocument
#define xmlTextWriterStartElement kh_xml.xmlTextWriterStartElement
#define xmlTextWriterEndElement kh_xml.xmlTextWriterEndElement
#define xmlTextWriterWriteAttribute kh_xml.xmlTextWriterWriteAttribute
#define xmlTextWriterWriteString kh_xml.xmlTextWriterWriteString
#endif

#endif
